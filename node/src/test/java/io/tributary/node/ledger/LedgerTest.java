package io.tributary.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.checkpoint.Checkpoint;
import io.tributary.core.checkpoint.SignedNote;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.TxCodec;
import io.tributary.store.StoreException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void init() throws Exception {
        dir = tmp.resolve("ledger");
        TestLedgers.init(dir, 3);
    }

    private static String transfer(int from, long nonce, int to, long amount) {
        return TxCodec.json(TestLedgers.sign(TestLedgers.key(from), nonce,
                new Body.Transfer(TestLedgers.key(to).account().value(), amount)));
    }

    private long balance(int key) throws Exception {
        try (var ledger = Ledger.openForReading(dir)) {
            return ledger.state().get("account/" + TestLedgers.key(key).account().value(),
                    io.tributary.core.state.Values.Account.class).balance();
        }
    }

    @Test
    void appendsDurablyAndTheCheckpointCoversEveryAcknowledgedEntry() throws Exception {
        var lines = new ArrayList<String>();
        for (int nonce = 1; nonce <= 200; nonce++) {
            lines.add(transfer(0, nonce, 1, 10));
        }
        var results = TestLedgers.append(dir, lines);
        assertThat(results).allMatch(r -> r instanceof Result.Accepted);
        assertThat(((Result.Accepted) results.getLast()).index()).isEqualTo(200);
        try (var ledger = Ledger.openForReading(dir)) {
            var checkpoint = Checkpoint.parseBody(SignedNote.open(ledger.latestCheckpoint().orElseThrow(), ledger.verifierKey()));
            assertThat(checkpoint.size()).isEqualTo(201);
            assertThat(ledger.size()).isEqualTo(201);
        }
        assertThat(balance(1)).isEqualTo(TestLedgers.FUNDS + 2_000);
        assertThat(Replayer.verify(dir).entries()).isEqualTo(201);
    }

    @Test
    void badInputIsRejectedWithAReasonChangesNothingAndTheNextValidOneGoesThrough() throws Exception {
        var good = transfer(0, 1, 1, 5);
        var forged = good.replace("\"amount\":5", "\"amount\":6");
        var lines = List.of("{not json", good.replace("\"nonce\"", "\"x\":1,\"nonce\""), forged,
                transfer(0, 5, 1, 1), transfer(2, 1, 1, TestLedgers.FUNDS + 1), good, good, transfer(0, 2, 1, 7));
        var results = TestLedgers.append(dir, lines);
        assertThat(results).extracting(r -> r instanceof Result.Rejected rejected ? rejected.reason().split(":")[0] : "accepted")
                .containsExactly("malformed", "malformed", "bad_signature", "bad_nonce", "insufficient_funds", "accepted",
                        "bad_nonce", "accepted");
        assertThat(balance(1)).isEqualTo(TestLedgers.FUNDS + 12);
        assertThat(balance(2)).isEqualTo(TestLedgers.FUNDS);
        Replayer.verify(dir);
    }

    @Test
    void verifyNamesTheFirstTamperedEntry() throws Exception {
        var lines = new ArrayList<String>();
        for (int nonce = 1; nonce <= 5; nonce++) {
            lines.add(transfer(0, nonce, 1, nonce == 3 ? 17 : 10));
        }
        TestLedgers.append(dir, lines);
        sql("UPDATE entry_blocks SET bytes = CAST(REPLACE(CAST(bytes AS TEXT), '\"amount\":17', '\"amount\":99') AS BLOB)");
        assertThatThrownBy(() -> Replayer.verify(dir)).isInstanceOf(Replayer.Mismatch.class).hasMessageContaining("entry 3");
    }

    @Test
    void verifyNoticesAStateThatTheLogDoesNotExplain() throws Exception {
        TestLedgers.append(dir, List.of(transfer(0, 1, 1, 10)));
        // A write the log does not hold, laid over the state like any journal row (chunks of runs carry checksums).
        sql("INSERT INTO state_journal (id, writes) VALUES (1000, '{\"account/" + TestLedgers.key(2).account()
                + "\":\"{\\\"balance\\\":1,\\\"nonce\\\":0}\"}')");
        assertThatThrownBy(() -> Replayer.verify(dir)).isInstanceOf(Replayer.Mismatch.class)
                .hasMessageContaining("stored state differs").hasMessageContaining(TestLedgers.key(2).account().value());
    }

    @Test
    void verifyNoticesADroppedEntry() throws Exception {
        TestLedgers.append(dir, List.of(transfer(0, 1, 1, 10)));
        TestLedgers.append(dir, List.of(transfer(0, 2, 1, 10)));
        sql("DELETE FROM entry_blocks WHERE first = 1");
        assertThatThrownBy(() -> Replayer.verify(dir)).isInstanceOf(Replayer.Mismatch.class).hasMessageContaining("entry 1");
    }

    @Test
    void aTruncatedDatabaseIsAClearErrorNotAnEmptyLedger() throws Exception {
        var lines = new ArrayList<String>();
        for (int nonce = 1; nonce <= 300; nonce++) {
            lines.add(transfer(0, nonce, 1, 1));
        }
        TestLedgers.append(dir, lines);
        try (var file = new RandomAccessFile(dir.resolve("ledger.db").toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        Files.deleteIfExists(dir.resolve("ledger.db-wal"));
        assertThatThrownBy(() -> Replayer.verify(dir)).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOf(StoreException.class).hasMessageContaining("ledger database"),
                e -> assertThat(e).isInstanceOf(Replayer.Mismatch.class).hasMessageContaining("corrupt"));
    }

    @Test
    void aCorruptDatabaseFileIsRefused() throws Exception {
        TestLedgers.append(dir, List.of(transfer(0, 1, 1, 10)));
        Files.deleteIfExists(dir.resolve("ledger.db-wal"));
        Files.write(dir.resolve("ledger.db"), "this is not a database, just text that replaced it".repeat(100).getBytes());
        assertThatThrownBy(() -> Ledger.openForWriting(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("ledger database");
    }

    @Test
    void initRefusesAnExistingLedgerAndLeavesNothingBehindOnFailure() throws Exception {
        assertThatThrownBy(() -> TestLedgers.init(dir, 1)).hasMessageContaining("not an empty directory");
        var bad = tmp.resolve("bad");
        var genesis = new Body.Genesis("x", java.util.Map.of(TestLedgers.key(0).account().value(), 9_007_199_254_740_991L,
                TestLedgers.key(1).account().value(), 1L));
        assertThatThrownBy(() -> Ledger.init(bad, genesis, 1)).hasMessageContaining("overflow");
        assertThat(bad).doesNotExist();
        try (var entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("ledger");
        }
    }

    @Test
    void aFailingStoreStopsTheAppendWithoutHangingAndLosesNothingDurable() throws Exception {
        TestLedgers.append(dir, List.of(transfer(0, 1, 1, 10)));
        sql("CREATE TRIGGER injected BEFORE INSERT ON entry_blocks WHEN NEW.first + NEW.count > 3 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        var lines = new ArrayList<String>();
        for (int nonce = 2; nonce <= 2_000; nonce++) {
            lines.add(transfer(0, nonce, 1, 1));
        }
        assertThatThrownBy(() -> TestLedgers.append(dir, lines)).hasMessageContaining("disk on fire");
        sql("DROP TRIGGER injected");
        try (var ledger = Ledger.openForReading(dir)) {
            assertThat(ledger.size()).isLessThanOrEqualTo(3);
        }
        Replayer.verify(dir);
        var results = TestLedgers.append(dir, List.of(transfer(2, 1, 1, 1)));
        assertThat(results.getFirst()).isInstanceOf(Result.Accepted.class);
        Replayer.verify(dir);
    }

    @Test
    void oneWriterAtATime() throws Exception {
        try (var ledger = Ledger.openForWriting(dir)) {
            assertThatThrownBy(() -> Ledger.openForWriting(dir)).hasMessageContaining("another process is writing");
        }
    }

    private void sql(String statement) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
                var update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }
}
