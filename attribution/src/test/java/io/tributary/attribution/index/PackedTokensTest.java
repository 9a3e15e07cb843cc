package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tokens written to a real tokens.bin read back unchanged, at the widths of both tokenizers, for every value from 0
 * to the separator and for lengths 0, 1, multiples of 8 and not. The reads run on the file's own mapping, so the
 * 8-byte load of the last token must stay inside the file. Seeded; jqwik prints the seed of a failure.
 */
class PackedTokensTest {

    record Case(TokenizerKind tokenizer, int[] tokens) {
    }

    @Provide
    Arbitrary<Case> tokenSequences() {
        return Arbitraries.of(TokenizerKind.class).flatMap(tokenizer -> {
            int separator = separator(tokenizer);
            var lengths = Arbitraries.oneOf(Arbitraries.of(0, 1, 7, 8, 9, 63, 64, 65),
                    Arbitraries.integers().between(0, 700));
            return lengths.flatMap(length -> Arbitraries.integers().between(0, separator).array(int[].class)
                    .ofSize(length)).map(tokens -> new Case(tokenizer, tokens));
        });
    }

    @Property(tries = 300, seed = "20261125")
    void tokensReadBackFromTheFile(@ForAll("tokenSequences") Case input) throws IOException {
        assertThat(writeAndRead(input.tokenizer(), input.tokens())).containsExactly(input.tokens());
    }

    /** Every value of the width once, then one more token so the count is not a multiple of 8. */
    @Example
    void everyValueUpToTheSeparatorReadsBack() throws IOException {
        for (var tokenizer : TokenizerKind.values()) {
            int[] tokens = IntStream.rangeClosed(0, separator(tokenizer) + 1).map(i -> i % (separator(tokenizer) + 1))
                    .toArray();
            // Arrays.mismatch rather than containsExactly, which is slow on arrays this long.
            assertThat(Arrays.mismatch(writeAndRead(tokenizer, tokens), tokens)).as(tokenizer.wireName()).isEqualTo(-1);
        }
    }

    /** The documented layout, least significant bit first: 18-bit tokens 1 and 2 are bits 0 and 19. */
    @Example
    void packsLeastSignificantBitFirst() {
        var out = MemorySegment.ofArray(new byte[(int) PackedTokens.packedBytes(2, 18) + PackedTokens.SLACK_BYTES]);
        PackedTokens.pack(new int[] {1, 2}, 2, 18, out);
        assertThat(out.asSlice(0, PackedTokens.packedBytes(2, 18)).toArray(ValueLayout.JAVA_BYTE))
                .containsExactly(0x01, 0x00, 0x08, 0x00, 0x00);
    }

    @Example
    void widthsAreTheFewestBitsForTheVocabularyAndTheSeparator() {
        assertThat(IndexFormat.tokenWidthBits(TokenizerKind.O200K_BASE)).isEqualTo(18);
        assertThat(IndexFormat.tokenWidthBits(TokenizerKind.CL100K_BASE)).isEqualTo(17);
        for (var tokenizer : TokenizerKind.values()) {
            assertThat(separator(tokenizer)).isGreaterThanOrEqualTo(tokenizer.vocabularySize())
                    .isLessThan(2 * tokenizer.vocabularySize());
        }
    }

    private static int separator(TokenizerKind tokenizer) {
        return IndexFormat.separatorToken(IndexFormat.tokenWidthBits(tokenizer));
    }

    private static int[] writeAndRead(TokenizerKind tokenizer, int[] tokens) throws IOException {
        var directory = Files.createTempDirectory("packed-tokens");
        var path = directory.resolve(IndexFormat.TOKENS_FILE);
        int widthBits = IndexFormat.tokenWidthBits(tokenizer);
        try {
            ShardWriter.writeTokens(path, tokens, tokens.length, widthBits);
            try (var file = MappedFile.open(path, IndexFormat.TOKENS_FORMAT, MappedFile.Verification.FULL)) {
                int count = Math.toIntExact(Shard.checkTokens(file, tokens.length, tokenizer));
                var packed = Shard.packedTokens(file);
                var read = new int[count];
                for (int i = 0; i < count; i++) {
                    read[i] = PackedTokens.read(packed, i, widthBits, separator(tokenizer));
                }
                return read;
            }
        } finally {
            Files.deleteIfExists(path);
            Files.delete(directory);
        }
    }
}
