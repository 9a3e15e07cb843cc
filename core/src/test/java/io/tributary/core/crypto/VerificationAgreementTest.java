package io.tributary.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * libsodium, which verifies on the hot path, and BouncyCastle, which signs, agree: every signature one makes the
 * other accepts, and tampering is refused by both.
 */
class VerificationAgreementTest {

    private static boolean bouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    @Property(tries = 300)
    void bothAcceptEverySignatureAndRefuseEveryTamperedOne(
            @ForAll @Size(32) byte[] seed, @ForAll @Size(max = 400) byte[] message, @ForAll @IntRange(min = 0, max = 63) int flip) {
        var key = SigningKey.fromSeed(seed);
        var signature = key.sign(message);
        assertThat(Ed25519.verify(key.publicKey(), message, signature)).isTrue();
        assertThat(bouncyCastle(key.publicKey(), message, signature)).isTrue();
        signature[flip] ^= 0x01;
        assertThat(Ed25519.verify(key.publicKey(), message, signature)).isFalse();
        assertThat(bouncyCastle(key.publicKey(), message, signature)).isFalse();
    }

    @Test
    void bothRefuseSmallOrderKeysAndNonCanonicalScalars() {
        var message = new byte[] {1, 2, 3};
        var key = SigningKey.fromSeed(new byte[32]);
        var signature = key.sign(message);
        // The identity point (a small-order key) with a signature of R = identity, S = 0 verifies in naive code.
        var identity = HexFormat.of().parseHex("0100000000000000000000000000000000000000000000000000000000000000");
        var trivial = new byte[64];
        System.arraycopy(identity, 0, trivial, 0, 32);
        assertThat(Ed25519.verify(identity, message, trivial)).isFalse();
        assertThat(bouncyCastle(identity, message, trivial)).isFalse();
        // S + L (the group order) is the same scalar modulo L but not canonical: both must refuse it.
        var order = HexFormat.of().parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var malleable = signature.clone();
        int carry = 0;
        for (int i = 0; i < 32; i++) {
            int sum = (malleable[32 + i] & 0xff) + (order[i] & 0xff) + carry;
            malleable[32 + i] = (byte) sum;
            carry = sum >> 8;
        }
        assertThat(Ed25519.verify(key.publicKey(), message, malleable)).isFalse();
        assertThat(bouncyCastle(key.publicKey(), message, malleable)).isFalse();
    }
}
