package io.tributary.attribution.index;

import io.tributary.attribution.index.IndexException.Reason;
import io.tributary.attribution.tokens.Tokenizer;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Builds an index directory from documents: tokenizes them, cuts the token stream into shards of at most
 * {@code shardTokensMax} tokens (a document never spans two shards), sorts each shard's suffixes by SA-IS and writes
 * its files. Everything is written into a temporary sibling directory that is renamed to the target only when the
 * build succeeded, so a failed build leaves nothing behind.
 *
 * <p>Heap: the shard's token array (4 bytes a token, grown by half when full) plus its suffix array (4 bytes a
 * token) plus SA-IS's type bits and buckets; about 9 to 13 bytes per token of the largest shard.
 */
public final class IndexBuilder implements AutoCloseable {

    private static final int INITIAL_CAPACITY_TOKENS = 1 << 20;
    /** Documents tokenized together: enough to keep all cores busy, bounded so a batch stays small on the heap. */
    private static final int BATCH_DOCUMENTS_MAX = 256;
    private static final long BATCH_CHARS_MAX = 16L << 20;

    private final Path target;
    private final Path temporary;
    private final Tokenizer tokenizer;
    private final int shardTokensMax;
    private final BuildProgress progress;
    private final List<Manifest.ShardEntry> shards = new ArrayList<>();

    private int[] text = new int[INITIAL_CAPACITY_TOKENS];
    private int length;
    private int maxToken;
    private int[] documentStarts = new int[1024];
    private final List<String> ids = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();
    private long documentCount;
    private long tokenCount;
    private long diskBytes;
    private boolean finished;

    private IndexBuilder(Path target, Path temporary, Tokenizer tokenizer, int shardTokensMax,
                         BuildProgress progress) {
        this.target = target;
        this.temporary = temporary;
        this.tokenizer = tokenizer;
        this.shardTokensMax = shardTokensMax;
        this.progress = progress;
    }

    /** Starts a build into target, which must not exist yet. */
    public static IndexBuilder create(Path target, TokenizerKind tokenizerKind, int shardTokensMax,
                                      BuildProgress progress) throws IOException {
        if (shardTokensMax < 2 || shardTokensMax > IndexFormat.SHARD_TOKENS_MAX) {
            throw new IllegalArgumentException("shard size must be in [2, " + IndexFormat.SHARD_TOKENS_MAX
                    + "] tokens: " + shardTokensMax);
        }
        var absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new IndexException(Reason.EXISTS, "output already exists, refusing to overwrite: " + target);
        }
        Files.createDirectories(absolute.getParent());
        var temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.createDirectory(temporary);
        return new IndexBuilder(absolute, temporary, Tokenizer.of(tokenizerKind), shardTokensMax, progress);
    }

    /**
     * Builds an index from documents in one call: the entry point for both JSON Lines input and datanet versions.
     * Documents are tokenized and hashed in parallel batches and added in their given order, so the index (and its
     * id) does not depend on the number of threads.
     */
    public static BuildSummary build(Iterable<Document> documents, Path target, TokenizerKind tokenizerKind,
                                     int shardTokensMax, BuildProgress progress) throws IOException {
        try (var builder = create(target, tokenizerKind, shardTokensMax, progress)) {
            try {
                var batch = new ArrayList<Document>();
                long batchChars = 0;
                for (var document : documents) {
                    batch.add(document);
                    batchChars += document.text().length();
                    if (batch.size() == BATCH_DOCUMENTS_MAX || batchChars >= BATCH_CHARS_MAX) {
                        builder.addAll(batch);
                        batch.clear();
                        batchChars = 0;
                    }
                }
                builder.addAll(batch);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return builder.finish();
        }
    }

    /** A document's tokens and the SHA-256 of its UTF-8 text. */
    private record Encoded(String contributionId, byte[] contentHash, int[] tokens) {
    }

    private void addAll(List<Document> batch) throws IOException {
        var encoded = batch.parallelStream().map(this::encode).toList();
        for (var document : encoded) {
            addTokens(document.contributionId(), document.contentHash(), document.tokens());
        }
    }

    private Encoded encode(Document document) {
        byte[] hash = ShardWriter.newSha256().digest(document.text().getBytes(StandardCharsets.UTF_8));
        return new Encoded(document.contributionId(), hash, tokenizer.encode(document.text()));
    }

    /** Adds a document given as tokens (benchmarks generate synthetic corpora this way). */
    public void addTokens(String contributionId, byte[] contentHash, int[] tokens) throws IOException {
        checkOpen();
        checkDocument(contributionId, contentHash, tokens);
        if ((long) length + 1 + tokens.length > shardTokensMax) {
            flushShard();
        }
        ensureCapacity(length + 1 + tokens.length);
        if (ids.size() == documentStarts.length) {
            documentStarts = Arrays.copyOf(documentStarts, documentStarts.length * 2);
        }
        text[length++] = ShardWriter.SEPARATOR_MARK;
        documentStarts[ids.size()] = length;
        for (int token : tokens) {
            maxToken = Math.max(maxToken, token);
        }
        System.arraycopy(tokens, 0, text, length, tokens.length);
        length += tokens.length;
        ids.add(contributionId);
        hashes.add(contentHash);
        documentCount++;
        tokenCount += tokens.length + 1;
        progress.tokenized(documentCount, tokenCount);
    }

    private void checkDocument(String contributionId, byte[] contentHash, int[] tokens) throws IndexException {
        if (contributionId.isEmpty()
                || contributionId.getBytes(StandardCharsets.UTF_8).length > IndexFormat.DOCUMENT_ID_BYTES_MAX) {
            throw new IndexException(Reason.BAD_INPUT, "contribution id must have 1 to "
                    + IndexFormat.DOCUMENT_ID_BYTES_MAX + " bytes: '" + abbreviate(contributionId) + "'");
        }
        if (contentHash.length != IndexFormat.CONTENT_HASH_BYTES) {
            throw new IllegalArgumentException("content hash must have 32 bytes, has " + contentHash.length);
        }
        if (tokens.length + 1 > shardTokensMax) {
            throw new IndexException(Reason.TOO_LARGE, "document '" + abbreviate(contributionId) + "' has "
                    + tokens.length + " tokens, more than a shard holds (" + (shardTokensMax - 1) + ")");
        }
        for (int token : tokens) {
            if (token < 0 || token >= IndexFormat.SEPARATOR_TOKEN) {
                throw new IllegalArgumentException("token id outside [0, 0xFFFFFF): " + token);
            }
        }
    }

    private static String abbreviate(String id) {
        return id.length() <= 80 ? id : id.substring(0, 80) + "...";
    }

    private void ensureCapacity(int needed) {
        if (needed > text.length) {
            long grown = Math.max(needed, text.length + (text.length >> 1));
            text = Arrays.copyOf(text, (int) Math.min(grown, shardTokensMax));
        }
    }

    private void flushShard() throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        int shard = shards.size();
        if (shard + 1 > IndexFormat.SHARD_COUNT_MAX) {
            throw new IndexException(Reason.TOO_LARGE, "more than " + IndexFormat.SHARD_COUNT_MAX + " shards");
        }
        var directory = temporary.resolve(Manifest.shardDirectoryName(shard));
        var written = ShardWriter.write(directory, shard, text, length, maxToken,
                documentStarts, ids, hashes, progress);
        shards.add(new Manifest.ShardEntry(written.tokenCount(), written.documentCount(), written.tokensSha256(),
                written.documentsSha256()));
        diskBytes += written.diskBytes();
        length = 0;
        maxToken = 0;
        ids.clear();
        hashes.clear();
    }

    /** Writes the last shard and the manifest, then renames the temporary directory to the target. */
    public BuildSummary finish() throws IOException {
        checkOpen();
        if (documentCount == 0) {
            throw new IndexException(Reason.BAD_INPUT, "no documents in the input: nothing to index");
        }
        flushShard();
        text = new int[0];
        var tokenizerName = tokenizer.kind().wireName();
        var indexId = Manifest.indexId(tokenizerName, shards);
        var manifestPath = temporary.resolve(IndexFormat.MANIFEST_FILE);
        new Manifest(tokenizerName, IndexFormat.ENGINE, List.copyOf(shards), indexId).write(manifestPath);
        diskBytes += Files.size(manifestPath);
        moveIntoPlace();
        finished = true;
        return new BuildSummary(indexId, tokenizerName, shards.size(), documentCount, tokenCount, diskBytes);
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the build has finished");
        }
    }

    /** Deletes the temporary directory unless the build finished. */
    @Override
    public void close() throws IOException {
        if (!finished && Files.exists(temporary)) {
            deleteRecursively(temporary);
        }
        finished = true;
    }

    private static void deleteRecursively(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
