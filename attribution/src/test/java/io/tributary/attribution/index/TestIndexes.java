package io.tributary.attribution.index;

import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

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

    /** Stores the CRC32C of a file's bytes before its last 8 in those 8 bytes, as the footer does after an edit. */
    public static void rewriteChecksum(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        var crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length - 8, crc.getValue());
        Files.write(path, bytes);
    }
}
