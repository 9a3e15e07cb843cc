package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.CONTENT_HASH_BYTES;
import static io.tributary.attribution.index.IndexFormat.INT_LE;
import static io.tributary.attribution.index.IndexFormat.LONG_LE;
import static io.tributary.attribution.index.IndexFormat.SHORT_LE;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Sorts the suffixes of one shard's token array and writes its three files. */
final class ShardWriter {

    /** Separators are held as this value while tokens accumulate; real token ids are never negative. */
    static final int SEPARATOR_MARK = -1;
    private static final long DIGEST_CHUNK_BYTES = 1L << 30;

    /** The content digests of a written shard, which enter the manifest and the index id. */
    record Written(long tokenCount, long documentCount, byte[] tokensSha256, byte[] documentsSha256,
                   long diskBytes) {
    }

    private ShardWriter() {
    }

    /**
     * Writes the shard held in text[0, length) with separators as {@link #SEPARATOR_MARK}. The text array is
     * rewritten in place to spare a copy: separators become the top symbol of the alphabet for sorting, then the
     * stored separator. The suffixes are sorted with the given number of threads.
     */
    static Written write(Path directory, int shard, int[] text, int length, int maxToken, int tokenWidthBits,
                         int[] documentStarts, List<String> ids, List<byte[]> hashes, BuildProgress progress,
                         int threads) throws IOException {
        Files.createDirectories(directory);
        int separator = maxToken + 1;
        replace(text, length, SEPARATOR_MARK, separator);
        progress.phase(shard, "sorting");
        var suffixes = new int[length];
        SuffixArrays.sort(text, length, separator + 1, suffixes, threads);
        progress.phase(shard, "writing");
        replace(text, length, separator, IndexFormat.separatorToken(tokenWidthBits));
        byte[] tokensSha = writeTokens(directory.resolve(IndexFormat.TOKENS_FILE), text, length, tokenWidthBits);
        writeSuffixes(directory.resolve(IndexFormat.SUFFIXES_FILE), suffixes, length);
        byte[] documentsSha = writeDocuments(directory.resolve(IndexFormat.DOCUMENTS_FILE), documentStarts, ids,
                hashes);
        long diskBytes = 0;
        for (var name : List.of(IndexFormat.TOKENS_FILE, IndexFormat.SUFFIXES_FILE, IndexFormat.DOCUMENTS_FILE)) {
            diskBytes += Files.size(directory.resolve(name));
        }
        return new Written(length, ids.size(), tokensSha, documentsSha, diskBytes);
    }

    private static void replace(int[] text, int length, int from, int to) {
        for (int i = 0; i < length; i++) {
            if (text[i] == from) {
                text[i] = to;
            }
        }
    }

    /**
     * Body: token count u64, token width u8, then the tokens (separators included) packed in that many bits each.
     * Returns the SHA-256 of the body.
     */
    static byte[] writeTokens(Path path, int[] tokens, int length, int tokenWidthBits) throws IOException {
        long bodyBytes = IndexFormat.TOKENS_PREFIX_BYTES + PackedTokens.packedBytes(length, tokenWidthBits);
        try (var writer = FileWriter.create(path, IndexFormat.TOKENS_FORMAT, bodyBytes)) {
            var body = writer.body();
            body.set(LONG_LE, 0, length);
            body.set(ValueLayout.JAVA_BYTE, 8, (byte) tokenWidthBits);
            // The last 8-byte store spills into the footer, which finish() writes afterwards.
            PackedTokens.pack(tokens, length, tokenWidthBits, body.asSlice(IndexFormat.TOKENS_PREFIX_BYTES));
            byte[] digest = sha256(body, bodyBytes);
            writer.finish();
            return digest;
        }
    }

    /** Body: suffix count u64, pointer width u8 (4), then each suffix's start as u32. */
    private static void writeSuffixes(Path path, int[] suffixes, int length) throws IOException {
        long bodyBytes = 8 + 1 + (long) IndexFormat.SUFFIX_POINTER_BYTES * length;
        try (var writer = FileWriter.create(path, IndexFormat.SUFFIXES_FORMAT, bodyBytes)) {
            var body = writer.body();
            body.set(LONG_LE, 0, length);
            body.set(ValueLayout.JAVA_BYTE, 8, (byte) IndexFormat.SUFFIX_POINTER_BYTES);
            MemorySegment.copy(suffixes, 0, body, INT_LE, 9, length);
            writer.finish();
        }
    }

    /**
     * Body: document count u64; start of each document (its first token) as u32; content hash of each (32 bytes);
     * the byte length of each id as u16; the ids in UTF-8.
     */
    private static byte[] writeDocuments(Path path, int[] starts, List<String> ids, List<byte[]> hashes)
            throws IOException {
        int count = ids.size();
        var idBytes = new byte[count][];
        long idTotal = 0;
        for (int i = 0; i < count; i++) {
            idBytes[i] = ids.get(i).getBytes(StandardCharsets.UTF_8);
            idTotal += idBytes[i].length;
        }
        var layout = DocumentTable.Layout.of(count);
        long bodyBytes = layout.idsAt() + idTotal;
        try (var writer = FileWriter.create(path, IndexFormat.DOCUMENTS_FORMAT, bodyBytes)) {
            var body = writer.body();
            body.set(LONG_LE, 0, count);
            long idAt = layout.idsAt();
            for (int i = 0; i < count; i++) {
                body.set(INT_LE, layout.startsAt() + 4L * i, starts[i]);
                MemorySegment.copy(hashes.get(i), 0, body, ValueLayout.JAVA_BYTE,
                        layout.hashesAt() + (long) CONTENT_HASH_BYTES * i, CONTENT_HASH_BYTES);
                body.set(SHORT_LE, layout.idLengthsAt() + 2L * i, (short) idBytes[i].length);
                MemorySegment.copy(idBytes[i], 0, body, ValueLayout.JAVA_BYTE, idAt, idBytes[i].length);
                idAt += idBytes[i].length;
            }
            byte[] digest = sha256(body, bodyBytes);
            writer.finish();
            return digest;
        }
    }

    static byte[] sha256(MemorySegment segment, long length) {
        var digest = newSha256();
        for (long offset = 0; offset < length; offset += DIGEST_CHUNK_BYTES) {
            digest.update(segment.asSlice(offset, Math.min(DIGEST_CHUNK_BYTES, length - offset)).asByteBuffer());
        }
        return digest.digest();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
