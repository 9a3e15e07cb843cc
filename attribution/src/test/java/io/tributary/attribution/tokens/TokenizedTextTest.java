package io.tributary.attribution.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizedTextTest {

    @Test
    void characterRangesTileTheTextEvenAcrossMultiByteCharacters() {
        var text = "Zürich — 東京 naïve 🐋 whales.\nNext";
        var tokenized = Tokenizer.of(TokenizerKind.O200K_BASE).tokenize(text);
        int previousEnd = 0;
        for (int i = 0; i < tokenized.size(); i++) {
            assertThat(tokenized.charStarts()[i]).isGreaterThanOrEqualTo(previousEnd - 0);
            assertThat(tokenized.charEnds()[i]).isGreaterThanOrEqualTo(tokenized.charStarts()[i]);
            previousEnd = tokenized.charEnds()[i];
        }
        assertThat(tokenized.charStarts()[0]).isZero();
        assertThat(previousEnd).isEqualTo(text.length());
    }

    @Test
    void marksWordStartsAndDelimiters() {
        var tokenized = Tokenizer.of(TokenizerKind.O200K_BASE).tokenize("walking dogs, quickly.\nYes");
        var tokens = tokenized.tokens();
        var tokenizer = Tokenizer.of(TokenizerKind.O200K_BASE);
        for (int i = 0; i < tokens.length; i++) {
            var piece = tokenizer.decode(tokens, i, i + 1);
            if (piece.equals(",")) {
                assertThat(tokenized.wordStarts()[i]).isFalse();
            }
            if (piece.startsWith(" ")) {
                assertThat(tokenized.wordStarts()[i]).isTrue();
            }
            assertThat(tokenized.delimiters()[i]).isEqualTo(piece.contains(".") || piece.contains("\n"));
        }
        assertThat(tokenized.wordStarts()[0]).isTrue();
    }
}
