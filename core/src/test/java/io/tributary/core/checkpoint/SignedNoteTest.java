package io.tributary.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.crypto.SigningKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    // The reference vector of golang.org/x/mod/sumdb/note (note_test.go).
    private static final String VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String SIGNER_KEY = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String SIGNATURE_LINE = "\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static SigningKey peter() {
        var encoded = Base64.getDecoder().decode(SIGNER_KEY);
        return SigningKey.fromSeed(Arrays.copyOfRange(encoded, 1, encoded.length));
    }

    @Test
    void signsExactlyAsTheGoReference() {
        assertThat(SignedNote.verifierKey("PeterNeumann", peter().publicKey())).isEqualTo(VERIFIER_KEY);
        assertThat(SignedNote.sign(TEXT, "PeterNeumann", peter())).isEqualTo(TEXT + "\n" + SIGNATURE_LINE);
        assertThat(SignedNote.open(TEXT + "\n" + SIGNATURE_LINE, VERIFIER_KEY)).isEqualTo(TEXT);
    }

    @Test
    void refusesTamperedNotesAndForeignKeys() {
        var note = TEXT + "\n" + SIGNATURE_LINE;
        assertThatThrownBy(() -> SignedNote.open(note.replace("problem,", "problem;"), VERIFIER_KEY))
                .hasMessageContaining("no valid signature");
        var other = SigningKey.fromSeed(new byte[32]);
        assertThatThrownBy(() -> SignedNote.open(note, SignedNote.verifierKey("PeterNeumann", other.publicKey())))
                .hasMessageContaining("no valid signature");
        assertThatThrownBy(() -> SignedNote.open(note, "PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("key hash");
        assertThatThrownBy(() -> SignedNote.open(TEXT, VERIFIER_KEY)).hasMessageContaining("no signature block");
    }

    @Test
    void checkpointBodyRoundTrips() {
        var checkpoint = new Checkpoint("example.com/log", 42, new byte[32], new byte[32]);
        assertThat(checkpoint.body()).isEqualTo("example.com/log\n42\n"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nstate AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        assertThat(Checkpoint.parseBody(checkpoint.body())).isEqualTo(checkpoint);
        var key = peter();
        var note = SignedNote.sign(checkpoint.body(), "example.com/log", key);
        assertThat(Checkpoint.parseBody(SignedNote.open(note, SignedNote.verifierKey("example.com/log", key.publicKey()))))
                .isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.parseBody("example.com/log\n42\nAAAA\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
