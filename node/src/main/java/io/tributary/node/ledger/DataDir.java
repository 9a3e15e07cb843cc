package io.tributary.node.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The layout of a node's data directory. */
public record DataDir(Path root) {

    public Path database() {
        return root.resolve("ledger.db");
    }

    /** The log's signing key (PKCS#8 PEM, mode 0600); it signs the genesis and every checkpoint. */
    public Path logKey() {
        return root.resolve("log.key");
    }

    public Path content() {
        return root.resolve("content");
    }

    public void requireLedger() throws IOException {
        if (!Files.isRegularFile(database()) || !Files.isRegularFile(logKey())) {
            throw new IOException("no ledger in " + root + " (create one with `tributary init --data " + root
                    + " --genesis FILE`)");
        }
    }

    /** Takes the single-writer lock: one sequencer per ledger. Released when the returned lock's channel closes. */
    public FileLock lockForWriting() throws IOException {
        var channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another process is writing to the ledger in " + root);
        }
        return lock;
    }
}
