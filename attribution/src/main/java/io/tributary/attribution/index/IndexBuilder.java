package io.tributary.attribution.index;

import io.tributary.attribution.index.IndexException.Reason;
import io.tributary.attribution.tokens.Tokenizer;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Builds an index directory from documents: tokenizes them, cuts the token stream into shards of at most
 * {@code shardTokensMax} tokens (a document never spans two shards), sorts each shard's suffixes by SA-IS and writes
 * its files. Everything is written into a temporary sibling directory that is renamed to the target only when the
 * build succeeded, so a failed build leaves nothing behind.
 *
 * <p>Heap: the shard's token array (4 bytes a token, grown by half when full) plus its suffix array (4 bytes a
 * token) plus SA-IS's type bits and buckets; about 9 to 13 bytes per token of the largest shard. With two concurrent
 * shards (the default when the heap holds them, see {@link #concurrentShardsFor}), a full shard is sorted and written
 * on a background thread while the next one fills, so up to two shards are held: about twice that. The files are
 * the same byte for byte either way.
 */
public final class IndexBuilder implements AutoCloseable {

    private static final int INITIAL_CAPACITY_TOKENS = 1 << 20;
    /** More would hold more shards on the heap without more cores to sort them on (the machine has two). */
    public static final int CONCURRENT_SHARDS_MAX = 2;
    /** Documents tokenized together: enough to keep all cores busy, bounded so a batch stays small on the heap. */
    private static final int BATCH_DOCUMENTS_MAX = 256;
    private static final long BATCH_CHARS_MAX = 16L << 20;
    /** Heap a shard needs while it is sorted, per token of its capacity (see the class comment). */
    private static final long BUILD_BYTES_PER_TOKEN = 14;

    private final Path target;
    private final Path temporary;
    private final Tokenizer tokenizer;
    private final int shardTokensMax;
    private final BuildProgress progress;
    private final int concurrentShards;
    private final List<Manifest.ShardEntry> shards = new ArrayList<>();
    /** The shard being sorted and written in the background, if any; at most one. */
    private Future<ShardWriter.Written> inFlight;
    private ExecutorService background;

    private int[] text = new int[INITIAL_CAPACITY_TOKENS];
    private int length;
    private int maxToken;
    private int[] documentStarts = new int[1024];
    private List<String> ids = new ArrayList<>();
    private List<byte[]> hashes = new ArrayList<>();
    private long documentCount;
    private long tokenCount;
    private long diskBytes;
    private boolean finished;

    private IndexBuilder(Path target, Path temporary, Tokenizer tokenizer, int shardTokensMax,
                         BuildProgress progress, int concurrentShards) {
        this.target = target;
        this.temporary = temporary;
        this.tokenizer = tokenizer;
        this.shardTokensMax = shardTokensMax;
        this.progress = concurrentShards > 1 ? new SynchronizedProgress(progress) : progress;
        this.concurrentShards = concurrentShards;
    }

    /**
     * Shards sorted at the same time by default: 2 when there are two cores and the heap holds two shards of
     * shardTokensMax tokens, else 1.
     */
    public static int concurrentShardsFor(int shardTokensMax) {
        boolean twoFit = Runtime.getRuntime().maxMemory() >= 2 * BUILD_BYTES_PER_TOKEN * shardTokensMax;
        return Runtime.getRuntime().availableProcessors() >= 2 && twoFit ? 2 : 1;
    }

    /** Starts a build into target, which must not exist yet. */
    public static IndexBuilder create(Path target, TokenizerKind tokenizerKind, int shardTokensMax,
                                      BuildProgress progress) throws IOException {
        return create(target, tokenizerKind, shardTokensMax, progress, concurrentShardsFor(shardTokensMax));
    }

    /** The same with 1 (one shard at a time) or 2 concurrent shards. */
    public static IndexBuilder create(Path target, TokenizerKind tokenizerKind, int shardTokensMax,
                                      BuildProgress progress, int concurrentShards) throws IOException {
        if (shardTokensMax < 2 || shardTokensMax > IndexFormat.SHARD_TOKENS_MAX) {
            throw new IllegalArgumentException("shard size must be in [2, " + IndexFormat.SHARD_TOKENS_MAX
                    + "] tokens: " + shardTokensMax);
        }
        if (concurrentShards < 1 || concurrentShards > CONCURRENT_SHARDS_MAX) {
            throw new IllegalArgumentException("concurrent shards must be 1 or 2: " + concurrentShards);
        }
        var absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new IndexException(Reason.EXISTS, "output already exists, refusing to overwrite: " + target);
        }
        Files.createDirectories(absolute.getParent());
        var temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.createDirectory(temporary);
        return new IndexBuilder(absolute, temporary, Tokenizer.of(tokenizerKind), shardTokensMax, progress,
                concurrentShards);
    }

    /**
     * Builds an index from documents in one call: the entry point for both JSON Lines input and datanet versions.
     * Documents are tokenized and hashed in parallel batches and added in their given order, so the index (and its
     * id) does not depend on the number of threads.
     */
    public static BuildSummary build(Iterable<Document> documents, Path target, TokenizerKind tokenizerKind,
                                     int shardTokensMax, BuildProgress progress) throws IOException {
        return build(documents, target, tokenizerKind, shardTokensMax, progress,
                concurrentShardsFor(shardTokensMax));
    }

    /** The same with 1 or 2 concurrent shards; the index does not depend on it. */
    public static BuildSummary build(Iterable<Document> documents, Path target, TokenizerKind tokenizerKind,
                                     int shardTokensMax, BuildProgress progress, int concurrentShards)
            throws IOException {
        try (var builder = create(target, tokenizerKind, shardTokensMax, progress, concurrentShards)) {
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
            flushShard(false);
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
        int vocabularySize = tokenizer.kind().vocabularySize();
        for (int token : tokens) {
            if (token < 0 || token >= vocabularySize) {
                throw new IllegalArgumentException("token id outside [0, " + vocabularySize + ") of "
                        + tokenizer.kind().wireName() + ": " + token);
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

    /**
     * Hands the full shard to the background thread (after the previous one there is done) and starts a new one; the
     * last shard, or every shard when concurrentShards is 1, is sorted and written on this thread.
     */
    private void flushShard(boolean last) throws IOException {
        if (ids.isEmpty()) {
            awaitInFlight();
            return;
        }
        int shard = shards.size() + (inFlight == null ? 0 : 1);
        if (shard + 1 > IndexFormat.SHARD_COUNT_MAX) {
            throw new IndexException(Reason.TOO_LARGE, "more than " + IndexFormat.SHARD_COUNT_MAX + " shards");
        }
        var directory = temporary.resolve(Manifest.shardDirectoryName(shard));
        int[] shardText = text;
        int shardLength = length;
        int shardMaxToken = maxToken;
        int widthBits = IndexFormat.tokenWidthBits(tokenizer.kind());
        int[] shardStarts = documentStarts;
        var shardIds = ids;
        var shardHashes = hashes;
        length = 0;
        maxToken = 0;
        ids = new ArrayList<>();
        hashes = new ArrayList<>();
        if (concurrentShards == 1 || last) {
            text = last ? new int[0] : shardText;
            documentStarts = last ? new int[0] : shardStarts;
            // The sort gets both cores unless the previous shard is still being sorted in the background.
            int threads = inFlight == null ? SuffixArrays.THREADS_MAX : 1;
            var written = ShardWriter.write(directory, shard, shardText, shardLength, shardMaxToken, widthBits,
                    shardStarts, shardIds, shardHashes, progress, threads);
            awaitInFlight();
            record(written);
            return;
        }
        awaitInFlight();
        text = new int[Math.min(INITIAL_CAPACITY_TOKENS, shardTokensMax)];
        documentStarts = new int[1024];
        if (background == null) {
            background = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("index-shard-writer").daemon(true).factory());
        }
        inFlight = background.submit(() -> ShardWriter.write(directory, shard, shardText, shardLength,
                shardMaxToken, widthBits, shardStarts, shardIds, shardHashes, progress, 1));
    }

    private void awaitInFlight() throws IOException {
        if (inFlight == null) {
            return;
        }
        try {
            record(inFlight.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a shard was written");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                case Throwable other -> throw new IllegalStateException(other);
            }
        } finally {
            inFlight = null;
        }
    }

    private void record(ShardWriter.Written written) {
        shards.add(new Manifest.ShardEntry(written.tokenCount(), written.documentCount(), written.tokensSha256(),
                written.documentsSha256()));
        diskBytes += written.diskBytes();
    }

    /** Writes the last shard and the manifest, then renames the temporary directory to the target. */
    public BuildSummary finish() throws IOException {
        checkOpen();
        if (documentCount == 0) {
            throw new IndexException(Reason.BAD_INPUT, "no documents in the input: nothing to index");
        }
        flushShard(true);
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
        if (background != null) {
            background.shutdownNow();
            awaitTermination(background);
        }
        if (!finished && Files.exists(temporary)) {
            deleteRecursively(temporary);
        }
        finished = true;
    }

    private static void awaitTermination(ExecutorService executor) throws InterruptedIOException {
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                // A shard write is bounded by its size; keep waiting so no thread writes into a deleted directory.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the shard writer stopped");
        }
    }

    /** Progress is reported from the building thread and the background shard writer. */
    private record SynchronizedProgress(BuildProgress delegate) implements BuildProgress {
        @Override
        public synchronized void tokenized(long documentCount, long tokenCount) {
            delegate.tokenized(documentCount, tokenCount);
        }

        @Override
        public synchronized void phase(int shard, String phase) {
            delegate.phase(shard, phase);
        }
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
