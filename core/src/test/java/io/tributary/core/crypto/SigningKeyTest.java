package io.tributary.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc8032TestVectorOne() {
        var seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        var key = SigningKey.fromSeed(seed);
        assertThat(HEX.formatHex(key.publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var signature = key.sign(new byte[0]);
        assertThat(HEX.formatHex(signature)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
                + "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519.verify(key.publicKey(), new byte[0], signature)).isTrue();
        signature[0] ^= 1;
        assertThat(Ed25519.verify(key.publicKey(), new byte[0], signature)).isFalse();
        assertThat(Ed25519.verify(new byte[31], new byte[0], signature)).isFalse();
    }

    @Test
    void accountIdIsPrefixedHexOfTheFirstTwentyBytesOfTheKeyHash() {
        var key = SigningKey.fromSeed(new byte[32]);
        var hash = Bytes.hex(Bytes.sha256(key.publicKey()));
        assertThat(key.account().value()).isEqualTo("acct_" + hash.substring(0, 40));
    }

    @Test
    void pemRoundTripsWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        var key = SigningKey.generate(new java.security.SecureRandom());
        var file = dir.resolve("k.pem");
        key.write(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SigningKey.read(file).publicKey()).isEqualTo(key.publicKey());
        assertThatThrownBy(() -> key.write(file)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void opensslReadsTheKeyAndDerivesTheSamePublicKey(@TempDir Path dir) throws Exception {
        var key = SigningKey.generate(new java.security.SecureRandom());
        var file = dir.resolve("k.pem");
        key.write(file);
        var process = new ProcessBuilder("openssl", "pkey", "-in", file.toString(), "-pubout", "-outform", "DER")
                .redirectErrorStream(true).start();
        var der = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
        // SubjectPublicKeyInfo for Ed25519 is a 12-byte header and the raw 32-byte key.
        assertThat(java.util.Arrays.copyOfRange(der, der.length - 32, der.length)).isEqualTo(key.publicKey());
    }

    @Test
    void rejectsKeysThatAreNotEd25519Pkcs8() {
        assertThatThrownBy(() -> SigningKey.fromPem("hello")).hasMessageContaining("not a PEM private key");
        assertThatThrownBy(() -> SigningKey.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
                .hasMessageContaining("not an Ed25519 PKCS#8 key");
    }

    @Test
    void base64urlRefusesPaddingAndWrongLengths() {
        assertThat(Bytes.unbase64url(Bytes.base64url(new byte[32]), 32)).hasSize(32);
        assertThatThrownBy(() -> Bytes.unbase64url(Bytes.base64url(new byte[32]) + "=", 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bytes.unbase64url(Bytes.base64url(new byte[31]), 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bytes.unbase64url("AAAA+/", 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
