package io.tributary.node.ledger;

import io.tributary.core.checkpoint.Checkpoint;
import io.tributary.core.checkpoint.SignedNote;
import io.tributary.core.crypto.SigningKey;
import io.tributary.core.merkle.CompactRange;
import io.tributary.core.merkle.Rfc9162;
import io.tributary.core.state.Keys;
import io.tributary.core.state.Outcome;
import io.tributary.core.state.Rules;
import io.tributary.core.state.State;
import io.tributary.core.state.StateCodec;
import io.tributary.core.state.Values;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.TxCodec;
import io.tributary.store.Batch;
import io.tributary.store.LedgerStore;
import io.tributary.store.SqliteStore;
import io.tributary.store.StoreException;
import io.tributary.store.StoredEntry;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An open ledger: its store, the state and Merkle frontier in memory, and the log key. Opened for writing it holds
 * the directory's single-writer lock.
 */
public final class Ledger implements AutoCloseable {

    private final DataDir dir;
    private final LedgerStore store;
    private final SigningKey logKey;
    private final String origin;
    private State state;
    private final CompactRange frontier;
    private final FileLock lock;
    private boolean closed;

    private Ledger(DataDir dir, LedgerStore store, SigningKey logKey, String origin, State state, CompactRange frontier,
            FileLock lock) {
        this.dir = dir;
        this.store = store;
        this.logKey = logKey;
        this.origin = origin;
        this.state = state;
        this.frontier = frontier;
        this.lock = lock;
    }

    /**
     * Creates a ledger in {@code root} (which must not exist or be empty) whose first entry is the genesis, signed
     * by a fresh log key. Built in a sibling temporary directory and renamed, so a failure leaves nothing behind.
     */
    public static void init(Path root, Body.Genesis genesis, long timeMillis) throws IOException, StoreException {
        if (Files.exists(root) && (!Files.isDirectory(root) || Files.list(root).findAny().isPresent())) {
            throw new IOException(root + " already exists and is not an empty directory");
        }
        var parent = root.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        var staging = Files.createTempDirectory(parent, "." + root.getFileName() + ".init-");
        try {
            var dir = new DataDir(staging);
            var logKey = SigningKey.generate(new SecureRandom());
            logKey.write(dir.logKey());
            var tx = TxCodec.sign(logKey, genesis, 1, timeMillis);
            var state = new State();
            var outcome = Rules.apply(state, tx, 0);
            if (!(outcome instanceof Outcome.Applied applied)) {
                throw new IOException("the genesis is invalid: " + ((Outcome.Rejected) outcome).message());
            }
            state.apply(applied.writes());
            var frontier = CompactRange.empty();
            var leafHash = Rfc9162.leafHash(tx.bytes());
            frontier.append(leafHash);
            try (var store = SqliteStore.open(dir.database(), true)) {
                store.putMeta("origin", genesis.origin());
                var writes = new TreeMap<String, String>();
                applied.writes().forEach((key, value) -> writes.put(key, StateCodec.encodeString(value)));
                store.append(new Batch(List.of(new StoredEntry(0, tx.bytes(), leafHash)), writes,
                        frontier.toBytes()));
                store.putCheckpoint(1, signCheckpoint(genesis.origin(), logKey, frontier, state));
            }
            if (Files.exists(root)) {
                Files.delete(root);
            }
            Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(staging);
        }
    }

    public static Ledger openForWriting(Path root) throws IOException, StoreException {
        var dir = new DataDir(root);
        dir.requireLedger();
        var lock = dir.lockForWriting();
        try {
            return open(dir, lock);
        } catch (IOException | StoreException | RuntimeException e) {
            lock.channel().close();
            throw e;
        }
    }

    /** Opens without the writer lock, for commands that only read. */
    public static Ledger openForReading(Path root) throws IOException, StoreException {
        var dir = new DataDir(root);
        dir.requireLedger();
        return open(dir, null);
    }

    private static Ledger open(DataDir dir, FileLock lock) throws IOException, StoreException {
        var logKey = SigningKey.read(dir.logKey());
        var store = SqliteStore.open(dir.database(), false);
        try {
            var origin = store.meta("origin").orElseThrow(() -> new StoreException("the ledger has no origin"));
            var frontier = store.meta("frontier")
                    .map(encoded -> CompactRange.fromBytes(Base64.getDecoder().decode(encoded)))
                    .orElseThrow(() -> new StoreException("the ledger has no Merkle frontier"));
            long size = store.size();
            if (frontier.size() != size) {
                throw new StoreException("the stored Merkle frontier covers " + frontier.size()
                        + " entries but the log has " + size);
            }
            return new Ledger(dir, store, logKey, origin, null, frontier, lock);
        } catch (StoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public DataDir dir() {
        return dir;
    }

    public LedgerStore store() {
        return store;
    }

    public String origin() {
        return origin;
    }

    /**
     * The state after the last appended entry, loaded from the store on first use; read and changed only by the
     * sequencer while one runs.
     */
    public State state() throws StoreException {
        if (state == null) {
            var loaded = new TreeMap<String, Object>();
            store.forEachState((key, value) -> loaded.put(key, StateCodec.decode(key, value)));
            state = new State();
            state.apply(loaded);
        }
        return state;
    }

    CompactRange frontier() {
        return frontier;
    }

    public long size() {
        return frontier.size();
    }

    public String verifierKey() {
        return SignedNote.verifierKey(origin, logKey.publicKey());
    }

    /** The next nonce of an account, as the store stands. */
    public long nextNonce(String account) throws StoreException {
        var key = Keys.account(account);
        return store.stateValue(key).map(json -> ((Values.Account) StateCodec.decode(key, json)).nonce()
                + 1).orElse(1L);
    }

    /**
     * Signs and stores a checkpoint of the current size, state root included, unless the latest already covers it.
     * Call only when no sequencer is running.
     */
    public String checkpoint() throws StoreException {
        var latest = store.latestCheckpoint();
        if (latest.isPresent() && latestSize(latest.get()) == size()) {
            return latest.get();
        }
        var note = signCheckpoint(origin, logKey, frontier, state());
        store.putCheckpoint(size(), note);
        return note;
    }

    public Optional<String> latestCheckpoint() throws StoreException {
        return store.latestCheckpoint();
    }

    private long latestSize(String note) {
        return Checkpoint.parseBody(SignedNote.open(note, verifierKey())).size();
    }

    private static String signCheckpoint(String origin, SigningKey logKey, CompactRange frontier, State state) {
        var checkpoint = new Checkpoint(origin, frontier.size(), frontier.root(), state.root());
        return SignedNote.sign(checkpoint.body(), origin, logKey);
    }

    @Override
    public void close() throws StoreException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            store.close();
        } finally {
            if (lock != null) {
                try {
                    lock.channel().close();
                } catch (IOException ignored) {
                    // closing the channel releases the lock; the process exits soon after in any case
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (var each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
