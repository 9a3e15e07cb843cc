package io.tributary.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BytesTest {

    private static Optional<byte[]> decoded(String text, int length) {
        try {
            return Optional.of(Bytes.unbase64url(text, length));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Property(tries = 2000)
    void everyEncodingDecodesBack(@ForAll @Size(max = 100) byte[] bytes) {
        assertThat(Bytes.unbase64url(Bytes.base64url(bytes), bytes.length)).isEqualTo(bytes);
    }

    @Property(tries = 2000)
    void refusesTheNonCanonicalTextOfEveryByteString(@ForAll @Size(min = 1, max = 40) byte[] bytes) {
        var text = Bytes.base64url(bytes);
        if (bytes.length % 3 != 0) {
            // Setting the last character's lowest bit, which no byte fills, gives a text that decodes to the same bytes.
            var last = text.charAt(text.length() - 1);
            var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            var altered = text.substring(0, text.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
            assertThat(decoded(altered, bytes.length)).isEmpty();
        }
        assertThat(decoded(text + "=", bytes.length)).isEmpty();
        assertThat(decoded(text, bytes.length + 1)).isEmpty();
    }

    @Test
    void namesWhatItExpected() {
        assertThatThrownBy(() -> Bytes.unbase64url("AAA", 32)).hasMessageContaining("base64url without padding of 32 "
                + "bytes");
        assertThatThrownBy(() -> Bytes.unbase64url(null, 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
