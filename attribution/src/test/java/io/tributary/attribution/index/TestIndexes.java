package io.tributary.attribution.index;

import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Builds small real indexes in temporary directories for tests. */
public final class TestIndexes {

    private TestIndexes() {
    }

    /** Builds an index over documents given as token arrays, one contribution "d<i>" each. */
    public static Path fromTokens(Path directory, List<int[]> documents, int shardTokensMax) throws IOException {
        var target = directory.resolve("index");
        try (var builder = IndexBuilder.create(target, TokenizerKind.O200K_BASE, shardTokensMax, BuildProgress.NONE)) {
            for (int i = 0; i < documents.size(); i++) {
                builder.addTokens("d" + i, new byte[IndexFormat.CONTENT_HASH_BYTES], documents.get(i));
            }
            builder.finish();
        }
        return target;
    }

    public static Path fromTexts(Path directory, List<Document> documents) throws IOException {
        var target = directory.resolve("index");
        IndexBuilder.build(documents, target, TokenizerKind.O200K_BASE, IndexFormat.SHARD_TOKENS_DEFAULT,
                BuildProgress.NONE);
        return target;
    }
}
