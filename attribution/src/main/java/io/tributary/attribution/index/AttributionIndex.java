package io.tributary.attribution.index;

import io.tributary.attribution.index.IndexException.Reason;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An opened index directory: its manifest and its shards. Closing it unmaps every file. */
public final class AttributionIndex implements AutoCloseable {

    private final Manifest manifest;
    private final TokenizerKind tokenizer;
    private final List<Shard> shards;

    private AttributionIndex(Manifest manifest, TokenizerKind tokenizer, List<Shard> shards) {
        this.manifest = manifest;
        this.tokenizer = tokenizer;
        this.shards = shards;
    }

    /** Opens and fully verifies (every checksum) an index directory. */
    public static AttributionIndex open(Path directory) throws IOException {
        return open(directory, MappedFile.Verification.FULL);
    }

    public static AttributionIndex open(Path directory, MappedFile.Verification verification) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IndexException(Reason.MISSING, "index directory is missing: " + directory);
        }
        var manifestPath = directory.resolve(IndexFormat.MANIFEST_FILE);
        if (!Files.exists(manifestPath)) {
            throw new IndexException(Reason.MISSING, "not an index directory (no " + IndexFormat.MANIFEST_FILE
                    + "): " + directory);
        }
        var manifest = Manifest.read(manifestPath);
        TokenizerKind tokenizer;
        try {
            tokenizer = TokenizerKind.fromWireName(manifest.tokenizer());
        } catch (IllegalArgumentException e) {
            throw new IndexException(Reason.FOREIGN, "index uses a tokenizer this engine lacks: " + e.getMessage());
        }
        var shards = new ArrayList<Shard>();
        try {
            for (int i = 0; i < manifest.shards().size(); i++) {
                shards.add(Shard.open(directory.resolve(Manifest.shardDirectoryName(i)), manifest.shards().get(i),
                        tokenizer, verification));
            }
        } catch (IOException | RuntimeException e) {
            shards.forEach(Shard::close);
            throw e;
        }
        return new AttributionIndex(manifest, tokenizer, List.copyOf(shards));
    }

    public String indexId() {
        return manifest.indexId();
    }

    public TokenizerKind tokenizer() {
        return tokenizer;
    }

    public List<Shard> shards() {
        return shards;
    }

    /** Tokens of the corpus, without separators: the denominator of unigram probabilities. */
    public long corpusTokenCount() {
        long total = 0;
        for (var shard : manifest.shards()) {
            total += shard.tokenCount() - shard.documentCount();
        }
        return total;
    }

    public long documentCount() {
        long total = 0;
        for (var shard : manifest.shards()) {
            total += shard.documentCount();
        }
        return total;
    }

    @Override
    public void close() {
        shards.forEach(Shard::close);
    }
}
