package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.INT_LE;
import static io.tributary.attribution.index.IndexFormat.LONG_LE;
import static io.tributary.attribution.index.IndexFormat.SHORT_LE;

import io.tributary.attribution.index.IndexException.Reason;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The root file of an index directory: tokenizer, engine, the shards with their content digests, and the index id.
 * The id is SHA-256 over a domain tag, the tokenizer name and each shard's token and document-table digests, so it
 * names the indexed content (the suffix arrays follow from the tokens).
 */
public record Manifest(String tokenizer, String engine, List<ShardEntry> shards, String indexId) {

    /** One shard: its directory is {@link #shardDirectoryName(int)}. */
    public record ShardEntry(long tokenCount, long documentCount, byte[] tokensSha256, byte[] documentsSha256) {
    }

    private static final String ID_DOMAIN = "tributary-attribution-index/" + IndexFormat.VERSION + "\n";

    public static String shardDirectoryName(int shard) {
        return "shard-%05d".formatted(shard);
    }

    static String indexId(String tokenizer, List<ShardEntry> shards) {
        var digest = ShardWriter.newSha256();
        digest.update(ID_DOMAIN.getBytes(StandardCharsets.US_ASCII));
        digest.update((tokenizer + "\n").getBytes(StandardCharsets.US_ASCII));
        for (var shard : shards) {
            digest.update(shard.tokensSha256());
            digest.update(shard.documentsSha256());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Body: tokenizer name (u8 length, ASCII), engine (u16 length, UTF-8), shard count u32, per shard token count
     * u64, document count u64, tokens SHA-256, documents SHA-256; then the index id (32 bytes).
     */
    void write(Path path) throws IOException {
        byte[] tokenizerBytes = tokenizer.getBytes(StandardCharsets.US_ASCII);
        byte[] engineBytes = engine.getBytes(StandardCharsets.UTF_8);
        long bodyBytes = 1 + tokenizerBytes.length + 2 + engineBytes.length + 4 + 80L * shards.size() + 32;
        try (var writer = FileWriter.create(path, IndexFormat.MANIFEST_FORMAT, bodyBytes)) {
            var body = writer.body();
            long at = 0;
            body.set(ValueLayout.JAVA_BYTE, at, (byte) tokenizerBytes.length);
            at = put(body, at + 1, tokenizerBytes);
            body.set(SHORT_LE, at, (short) engineBytes.length);
            at = put(body, at + 2, engineBytes);
            body.set(INT_LE, at, shards.size());
            at += 4;
            for (var shard : shards) {
                body.set(LONG_LE, at, shard.tokenCount());
                body.set(LONG_LE, at + 8, shard.documentCount());
                at = put(body, at + 16, shard.tokensSha256());
                at = put(body, at, shard.documentsSha256());
            }
            put(body, at, HexFormat.of().parseHex(indexId));
            writer.finish();
        }
    }

    private static long put(MemorySegment body, long at, byte[] bytes) {
        MemorySegment.copy(bytes, 0, body, ValueLayout.JAVA_BYTE, at, bytes.length);
        return at + bytes.length;
    }

    static Manifest read(Path path) throws IOException {
        try (var file = MappedFile.open(path, IndexFormat.MANIFEST_FORMAT, MappedFile.Verification.FULL)) {
            return parse(file);
        } catch (IndexOutOfBoundsException e) {
            throw new IndexException(Reason.CORRUPT, "manifest is inconsistent with its own lengths: " + path);
        }
    }

    private static Manifest parse(MappedFile file) throws IndexException {
        var body = file.body();
        int tokenizerLength = Byte.toUnsignedInt(body.get(ValueLayout.JAVA_BYTE, 0));
        var tokenizer = string(body, 1, tokenizerLength);
        long at = 1 + tokenizerLength;
        int engineLength = Short.toUnsignedInt(body.get(SHORT_LE, at));
        var engine = string(body, at + 2, engineLength);
        at += 2 + engineLength;
        int shardCount = body.get(INT_LE, at);
        at += 4;
        if (shardCount < 1 || shardCount > IndexFormat.SHARD_COUNT_MAX) {
            throw new IndexException(Reason.CORRUPT, "manifest names " + shardCount + " shards: " + file.path());
        }
        file.expectBodyBytes(at + 80L * shardCount + 32);
        var shards = new ArrayList<ShardEntry>(shardCount);
        for (int i = 0; i < shardCount; i++) {
            shards.add(new ShardEntry(body.get(LONG_LE, at), body.get(LONG_LE, at + 8),
                    body.asSlice(at + 16, 32).toArray(ValueLayout.JAVA_BYTE),
                    body.asSlice(at + 48, 32).toArray(ValueLayout.JAVA_BYTE)));
            at += 80;
        }
        var storedId = HexFormat.of().formatHex(body.asSlice(at, 32).toArray(ValueLayout.JAVA_BYTE));
        var manifest = new Manifest(tokenizer, engine, List.copyOf(shards), storedId);
        if (!indexId(tokenizer, shards).equals(storedId)) {
            throw new IndexException(Reason.CORRUPT, "manifest index id does not match its shard digests: "
                    + file.path());
        }
        return manifest;
    }

    private static String string(MemorySegment body, long at, int length) {
        return new String(body.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
