package io.tributary.attribution.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenizerKindTest {

    /** The recorded size is the decoder's: its last id decodes, the next one does not. */
    @ParameterizedTest
    @EnumSource(TokenizerKind.class)
    void vocabularySizeMatchesTheDecoder(TokenizerKind kind) {
        var tokenizer = Tokenizer.of(kind);
        int last = kind.vocabularySize() - 1;
        assertThat(tokenizer.decodeBytes(new int[] {last}, 0, 1)).isNotEmpty();
        assertThatThrownBy(() -> tokenizer.decodeBytes(new int[] {last + 1}, 0, 1))
                .hasMessageContaining("Unknown token for decoding");
    }
}
