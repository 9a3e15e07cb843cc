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
import io.tributary.core.state.Supply;
import io.tributary.core.state.Values;
import io.tributary.core.tx.Transaction;
import io.tributary.core.tx.TxCodec;
import io.tributary.core.tx.TxFormatException;
import io.tributary.store.SqliteStore;
import io.tributary.store.StoreException;
import io.tributary.store.StoredEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Checks a ledger from its log alone: every entry's bytes, id, leaf hash and signature, the state replayed through
 * the rules, the Merkle root and state root against the latest checkpoint, and the replayed state against the
 * stored one. Stops at the first problem and names it.
 */
public final class Replayer {

    static final int CHUNK_ENTRIES = 4_096;

    private Replayer() {}

    public record Report(long entries, Checkpoint checkpoint, String stateRootHex) {}

    /** A mismatch between the log and what it should be; the message names the first bad entry or value. */
    public static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    public static Report verify(Path root) throws IOException, StoreException, Mismatch {
        var dir = new DataDir(root);
        dir.requireLedger();
        var logKey = SigningKey.read(dir.logKey());
        try (var store = SqliteStore.open(dir.database(), false)) {
            var problem = store.integrityProblem();
            if (problem.isPresent()) {
                throw new Mismatch("the database file is corrupt: " + problem.get());
            }
            var origin = store.meta("origin").orElseThrow(() -> new Mismatch("the ledger has no origin"));
            var note = store.latestCheckpoint().orElseThrow(() -> new Mismatch("the ledger has no checkpoint"));
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.parseBody(SignedNote.open(note, SignedNote.verifierKey(origin,
                        logKey.publicKey())));
            } catch (IllegalArgumentException e) {
                throw new Mismatch("latest checkpoint: " + e.getMessage());
            }
            long size = store.size();
            if (checkpoint.size() > size) {
                throw new Mismatch("the checkpoint covers " + checkpoint.size() + " entries but the log has only "
                        + size);
            }
            var state = new State();
            var frontier = CompactRange.empty();
            for (long from = 0; from < size; from += CHUNK_ENTRIES) {
                var entries = store.entries(from, Math.min(size, from + CHUNK_ENTRIES));
                var txs = checkChunk(entries, from, logKey.publicKey());
                if (from + entries.size() < Math.min(size, from + CHUNK_ENTRIES)) {
                    throw new Mismatch("entry " + (from + entries.size()) + " is missing");
                }
                for (int i = 0; i < txs.length; i++) {
                    long position = from + i;
                    switch (Rules.apply(state, txs[i], position)) {
                        case Outcome.Rejected rejected -> throw new Mismatch("entry " + position + " (" + txs[i].id()
                                + ") is not valid in its place: " + rejected.message());
                        case Outcome.Applied applied -> state.apply(applied.writes());
                    }
                    frontier.append(entries.get(i).leafHash());
                    if (frontier.size() == checkpoint.size()) {
                        checkAgainstCheckpoint(checkpoint, origin, frontier, state);
                    }
                }
            }
            checkStored(store, frontier, state);
            return new Report(size, checkpoint, HexFormat.of().formatHex(state.root()));
        }
    }

    /** Checks a chunk's entries in parallel: position, canonical bytes, id, leaf hash, signature. */
    private static Transaction[] checkChunk(List<StoredEntry> entries, long from, byte[] logPublicKey) throws Mismatch {
        var txs = new Transaction[entries.size()];
        var problems = new String[entries.size()];
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            try {
                txs[i] = checkEntry(entries.get(i), from + i, logPublicKey);
            } catch (Mismatch e) {
                problems[i] = e.getMessage();
            }
        });
        for (var problem : problems) {
            if (problem != null) {
                throw new Mismatch(problem);
            }
        }
        return txs;
    }

    private static Transaction checkEntry(StoredEntry entry, long position, byte[] logPublicKey) throws Mismatch {
        if (entry.position() != position) {
            throw new Mismatch("entry " + position + " is missing: the next stored position is " + entry.position());
        }
        Transaction tx;
        try {
            tx = TxCodec.parse(new String(entry.bytes(), StandardCharsets.UTF_8));
        } catch (TxFormatException e) {
            throw new Mismatch("entry " + position + " is not a transaction: " + e.getMessage());
        }
        if (!Arrays.equals(tx.bytes(), entry.bytes())) {
            throw new Mismatch("entry " + position + " is not in canonical form");
        }
        if (!Arrays.equals(Rfc9162.leafHash(entry.bytes()), entry.leafHash())) {
            throw new Mismatch("entry " + position + " has a stored leaf hash that does not match its bytes");
        }
        if (!tx.signatureValid()) {
            throw new Mismatch("entry " + position + " (" + tx.id() + ") has a signature that does not verify");
        }
        if (position == 0 && !Arrays.equals(tx.signer(), logPublicKey)) {
            throw new Mismatch("entry 0, the genesis, is not signed by the log's key");
        }
        return tx;
    }

    private static void checkAgainstCheckpoint(Checkpoint checkpoint, String origin, CompactRange frontier, State state)
            throws Mismatch {
        if (!checkpoint.origin().equals(origin)) {
            throw new Mismatch("the checkpoint names origin " + checkpoint.origin() + " but the ledger is " + origin);
        }
        if (!Arrays.equals(frontier.root(), checkpoint.rootHash())) {
            throw new Mismatch("the log's root at size " + checkpoint.size() + " differs from the checkpoint's");
        }
        if (!Arrays.equals(state.root(), checkpoint.stateRoot())) {
            throw new Mismatch("the replayed state root at size " + checkpoint.size()
                    + " differs from the checkpoint's");
        }
    }

    private static void checkStored(SqliteStore store, CompactRange frontier, State state) throws StoreException,
            Mismatch {
        var storedFrontier = store.meta("frontier").map(Base64.getDecoder()::decode).orElse(new byte[0]);
        if (!Arrays.equals(storedFrontier, frontier.toBytes())) {
            throw new Mismatch("the stored Merkle frontier differs from the replayed log");
        }
        var stored = new TreeMap<String, String>();
        store.forEachState(stored::put);
        for (var entry : state.entries().entrySet()) {
            var value = StateCodec.encodeString(entry.getValue());
            if (!value.equals(stored.remove(entry.getKey()))) {
                throw new Mismatch("stored state differs from the replayed state at key " + entry.getKey());
            }
        }
        if (!stored.isEmpty()) {
            throw new Mismatch("stored state has key " + stored.firstKey() + " that the log never wrote");
        }
        var ledger = state.get(Keys.LEDGER, Values.Ledger.class);
        if (Supply.total(state.entries().values()) != ledger.supply()) {
            throw new Mismatch("the replayed state holds a different total than the genesis minted");
        }
    }
}
