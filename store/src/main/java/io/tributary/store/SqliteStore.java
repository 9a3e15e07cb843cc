package io.tributary.store;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a commit returns only after
 * the write-ahead log is fsynced. One connection, used by one thread at a time (the committer).
 *
 * <p>A batch's state writes go to {@code state_journal} as one row, in the batch's transaction; the writer folds
 * the journal into the state's sorted runs ({@link StateRuns}) once it holds {@link #FOLD_WRITES_DEFAULT} writes, and
 * on close. Readers see the runs with the journal laid over it, both read in one transaction. The writer keeps its
 * own copy of the journal ({@link WriterJournal}), read once when it first appends, and folds from it over
 * {@link #FOLD_STEPS_DEFAULT} appends, so that no one commit carries a whole fold.
 */
public final class SqliteStore implements LedgerStore {

    private static final String DIALECT = "sqlite";
    /**
     * Page size of a new database. A batch's entry block is a blob of half a megabyte: in 4 KiB pages it was a chain
     * of 128 overflow pages, each a page write and a frame of the write-ahead log; 16 KiB pages halved the
     * committer's time (13 to 7 us a transaction) and made folds a third faster.
     */
    static final int PAGE_BYTES = 16 * 1024;
    /** Page cache of the connection: the journal's rows and the chunks a fold merges are read from memory, not the OS. */
    static final int CACHE_KIBIBYTES = 64 * 1024;
    private final Path file;
    private final Connection connection;
    private final PreparedStatement insertBlock;
    private final StateRuns runs;
    private final PreparedStatement upsertMeta;
    private final StateJournal journalRows;
    /** Writes the journal may hold before a fold starts. */
    private final int foldWrites;
    /** Appends a fold is spread over. */
    private final int foldSteps;
    /** The journal as this writer knows it; null until read, and again after a failed append. */
    private WriterJournal journal;
    /** The fold in progress, or null; forgotten with the journal after a failed append. */
    private Fold fold;
    /** Whether this connection has appended, or tried to: only then does closing it fold the journal. */
    private boolean appending;
    private final SQLiteConfig config;
    /** Copies the WAL back into the database; started by the first append, so a store that only reads never writes. */
    private Thread checkpointer;
    /**
     * Held by an append and by a WAL checkpoint, so that the append after a checkpoint takes its snapshot after it
     * and writes the WAL from its start again, over file blocks that exist and pages the OS has cached. SQLite starts
     * the log over only for a writer whose snapshot needs none of it: with checkpoints racing the appends it never
     * did, the WAL grew by every append (51 MB in bench ledger's 100,000 transactions), and the kernel zeroed each new
     * block around the unaligned frames before SQLite wrote them, a quarter of the commit's CPU. Fair, so that a
     * committer that appends back to back cannot starve the checkpointer.
     */
    private final ReentrantLock walLock = new ReentrantLock(true);
    /** The log's size as this writer last committed it; -1 until read, and again after a failed append. */
    private long committedSize = -1;
    /** How often the write-ahead log is copied back into the database, off the commit path. */
    static final long WAL_CHECKPOINT_MILLIS = 500;

    /**
     * Enough writes that hot keys are folded once for many batches; few enough that a fold takes a fraction of a
     * second and that readers, who lay the whole journal over the state, read little.
     */
    static final int FOLD_WRITES_DEFAULT = 1 << 16;
    /**
     * A fold merges tens or hundreds of thousands of entries at about a microsecond each; in eight slices no commit
     * waits more than a few tens of milliseconds for it, while the journal grows by only eight batches' writes.
     */
    static final int FOLD_STEPS_DEFAULT = 8;

    private SqliteStore(Path file, Connection connection, SQLiteConfig config, int foldWrites, int foldSteps)
            throws SQLException {
        this.file = file;
        this.connection = connection;
        this.foldWrites = foldWrites;
        this.foldSteps = foldSteps;
        this.config = config;
        insertBlock = connection.prepareStatement("INSERT INTO entry_blocks (first, count, leaf_hashes, lengths, bytes) "
                + "VALUES (?, ?, ?, ?, ?)");
        runs = new StateRuns(connection);
        upsertMeta = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        journalRows = new StateJournal(connection);
        // Preparing reads the schema, which begins a read transaction: end it, or the first read sees this moment.
        connection.commit();
    }

    /**
     * Opens (creating if {@code create}) the database at {@code file} and brings its schema up to date. The system
     * property {@value #FOLD_WRITES_PROPERTY} sets the writes the journal may hold before a fold: fewer make readers'
     * reads of the journal shorter and folds more frequent (the crash test folds every few batches with it).
     */
    public static SqliteStore open(Path file, boolean create) throws StoreException {
        return open(file, create, foldWrites(System.getProperty(FOLD_WRITES_PROPERTY)), FOLD_STEPS_DEFAULT);
    }

    static final String FOLD_WRITES_PROPERTY = "tributary.store.foldWrites";

    /** The fold threshold {@value #FOLD_WRITES_PROPERTY} sets, if it is set; an unusable one is an error. */
    static int foldWrites(String property) throws StoreException {
        if (property == null) {
            return FOLD_WRITES_DEFAULT;
        }
        try {
            int writes = Integer.parseInt(property.strip());
            if (writes >= 1) {
                return writes;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new StoreException(FOLD_WRITES_PROPERTY + " must be a whole number of writes of at least 1, not \""
                + property + "\"");
    }

    static SqliteStore open(Path file, boolean create, int foldWrites, int foldSteps) throws StoreException {
        if (!create && !Files.isRegularFile(file)) {
            throw new StoreException("no ledger database at " + file + " (run `tributary init` first)");
        }
        var config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try (var statement = connection.createStatement()) {
                // Before WAL mode, which writes the header of a new database: page size and auto_vacuum can only be
                // chosen before that. auto_vacuum lets close() give back the pages a folded journal freed.
                statement.execute("PRAGMA page_size = " + PAGE_BYTES);
                statement.execute("PRAGMA auto_vacuum = INCREMENTAL");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA cache_size = -" + CACHE_KIBIBYTES);
                statement.execute("PRAGMA wal_autocheckpoint = 0");
            }
            Migrations.apply(connection, DIALECT);
            connection.setAutoCommit(false);
            StateRuns.convertLegacyTable(connection);
            StateJournal.convertJsonRows(connection);
            return new SqliteStore(file, connection, config, foldWrites, foldSteps);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot open the ledger database " + file + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    @Override
    public long size() throws StoreException {
        return queryLong("SELECT first + count FROM entry_blocks ORDER BY first DESC LIMIT 1");
    }

    /**
     * Writes the batch's entries as one block, its state writes as a journal row and the frontier, in one
     * transaction; first, in the same transaction, the next slice of a fold, which starts when the journal holds
     * enough writes.
     */
    @Override
    public void append(Batch batch) throws StoreException {
        appending = true;
        if (checkpointer == null) {
            checkpointer = Thread.ofVirtual().name("wal-checkpointer").start(this::checkpointWal);
        }
        walLock.lock();
        try {
            if (journal == null) {
                readJournal();
            }
            if (fold == null && journal.writes() >= foldWrites) {
                fold = new Fold(journal, runs, journalRows, foldSteps);
            }
            boolean foldEnds = fold != null && fold.step();
            if (!batch.entries().isEmpty()) {
                insertBlock(batch.entries());
            }
            long row = journal.nextRow();
            if (!batch.stateWrites().isEmpty()) {
                journalRows.insert(row, batch.stateWrites());
            }
            upsertMeta.setString(1, "frontier");
            upsertMeta.setString(2, java.util.Base64.getEncoder().encodeToString(batch.frontier()));
            upsertMeta.executeUpdate();
            connection.commit();
            if (foldEnds) {
                journal.foldDeleted();
                fold = null;
            }
            if (!batch.stateWrites().isEmpty()) {
                journal.added(row, batch.stateWrites());
            }
            if (!batch.entries().isEmpty()) {
                committedSize = batch.entries().getLast().position() + 1;
            }
        } catch (SQLException | StoreException e) {
            forgetWriterState();
            rollback();
            throw e instanceof StoreException store ? store
                    : new StoreException("cannot append to the ledger database: " + e.getMessage(), e);
        } finally {
            walLock.unlock();
        }
    }

    /** After a failure, what this writer remembers of the database is read again before its next append. */
    private void forgetWriterState() {
        committedSize = -1;
        journal = null;
        fold = null;
    }

    /** Reads the journal into a writer's copy, first dropping what a fold that died left unlisted. */
    private void readJournal() throws SQLException {
        runs.deleteUnlisted();
        journal = journalRows.read();
    }

    private void insertBlock(List<StoredEntry> entries) throws SQLException, StoreException {
        long first = entries.getFirst().position();
        if (committedSize < 0) {
            committedSize = size();
        }
        long size = committedSize;
        if (first != size) {
            throw new StoreException("cannot append entries from position " + first + " to a log of " + size);
        }
        int count = entries.size();
        var leafHashes = ByteBuffer.allocate(count * LEAF_HASH_BYTES);
        var lengths = ByteBuffer.allocate(count * Integer.BYTES);
        int totalBytes = 0;
        for (int i = 0; i < count; i++) {
            var entry = entries.get(i);
            if (entry.position() != first + i) {
                throw new StoreException("entries of a batch must be consecutive: position " + entry.position()
                        + " follows " + (first + i - 1));
            }
            leafHashes.put(entry.leafHash());
            lengths.putInt(entry.bytes().length);
            totalBytes = Math.addExact(totalBytes, entry.bytes().length);
        }
        var bytes = new byte[totalBytes];
        int offset = 0;
        for (var entry : entries) {
            System.arraycopy(entry.bytes(), 0, bytes, offset, entry.bytes().length);
            offset += entry.bytes().length;
        }
        insertBlock.setLong(1, first);
        insertBlock.setInt(2, count);
        insertBlock.setBytes(3, leafHashes.array());
        insertBlock.setBytes(4, lengths.array());
        insertBlock.setBytes(5, bytes);
        insertBlock.executeUpdate();
    }

    private static final int LEAF_HASH_BYTES = 32;

    /** Blocks that hold any of the positions {@code [from, to)}, in order. */
    private static final String BLOCKS_OVERLAPPING = " FROM entry_blocks WHERE first < ? AND first >= COALESCE((SELECT "
            + "MAX(first) FROM entry_blocks WHERE first <= ?), 0) ORDER BY first";

    /**
     * One row of {@code entry_blocks}, its shape checked: entry i's leaf hash and bytes are slices of it. Read
     * without its bytes (null) where only leaf hashes are wanted: they come before the bytes' overflow pages.
     */
    private record Block(long first, int count, byte[] leafHashes, int[] offsets, byte[] bytes) {

        static Block read(ResultSet rows, boolean withBytes) throws SQLException {
            long first = rows.getLong(1);
            int count = rows.getInt(2);
            var leafHashes = rows.getBytes(3);
            var lengths = rows.getBytes(4);
            if (count < 1 || leafHashes.length != count * LEAF_HASH_BYTES || lengths.length != count * Integer.BYTES) {
                throw new SQLException("the block at position " + first + " is corrupt: " + count + " entries but "
                        + leafHashes.length + " bytes of leaf hashes and " + lengths.length + " bytes of lengths");
            }
            if (!withBytes) {
                return new Block(first, count, leafHashes, null, null);
            }
            var bytes = rows.getBytes(5);
            var offsets = new int[count + 1];
            var lengthReader = ByteBuffer.wrap(lengths);
            for (int i = 0; i < count; i++) {
                int length = lengthReader.getInt();
                if (length < 0 || offsets[i] + (long) length > bytes.length) {
                    throw new SQLException("the block at position " + first + " is corrupt: its lengths exceed its "
                            + "bytes");
                }
                offsets[i + 1] = offsets[i] + length;
            }
            return new Block(first, count, leafHashes, offsets, bytes);
        }

        StoredEntry entry(int i) {
            return new StoredEntry(first + i, Arrays.copyOfRange(bytes, offsets[i], offsets[i + 1]), leafHash(i));
        }

        byte[] leafHash(int i) {
            return Arrays.copyOfRange(leafHashes, i * LEAF_HASH_BYTES, (i + 1) * LEAF_HASH_BYTES);
        }
    }

    /** Calls {@code handler} with each stored block that holds any of the positions {@code [from, to)}, in order. */
    private void forEachBlock(long from, long to, boolean withBytes, BlockHandler handler) throws StoreException {
        forEachRow("SELECT first, count, leaf_hashes, lengths" + (withBytes ? ", bytes" : "") + BLOCKS_OVERLAPPING,
                rows -> handler.accept(Block.read(rows, withBytes)), to, from);
    }

    private interface BlockHandler {
        void accept(Block block);
    }

    @Override
    public List<StoredEntry> entries(long from, long to) throws StoreException {
        var entries = new ArrayList<StoredEntry>((int) Math.min(Math.max(to - from, 0), 65_536));
        forEachBlock(from, to, true, block -> {
            for (long position = Math.max(block.first(), from); position < Math.min(block.first() + block.count(), to);
                    position++) {
                entries.add(block.entry((int) (position - block.first())));
            }
        });
        return entries;
    }

    @Override
    public Optional<StoredEntry> entry(long position) throws StoreException {
        var entries = entries(position, position + 1);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getFirst());
    }

    @Override
    public byte[][] leafHashes(long from, long to) throws StoreException {
        var hashes = new ArrayList<byte[]>((int) Math.min(Math.max(to - from, 0), 1 << 20));
        forEachBlock(from, to, false, block -> {
            for (long position = Math.max(block.first(), from); position < Math.min(block.first() + block.count(), to)
                    && position == from + hashes.size(); position++) {
                hashes.add(block.leafHash((int) (position - block.first())));
            }
        });
        if (hashes.size() != to - from) {
            throw new StoreException("the log has a gap between positions " + from + " and " + to);
        }
        return hashes.toArray(byte[][]::new);
    }

    @Override
    public void forEachState(BiConsumer<String, String> consumer) throws StoreException {
        forEachStateWithPrefix("", consumer);
    }

    /** Merges the runs and lays the journal's writes over them, all in key order, in one read transaction. */
    @Override
    public void forEachStateWithPrefix(String prefix, BiConsumer<String, String> consumer) throws StoreException {
        inReadTransaction(() -> {
            var overlay = new Overlay(journalRows.lastWrites(prefix), consumer);
            var cursors = new ArrayList<StateRuns.Cursor>();
            for (var run : runs.live()) {
                cursors.add(runs.cursor(run.id(), prefix));
            }
            var merge = new StateRuns.Merge(cursors);
            while (merge.next() && merge.key().startsWith(prefix)) {
                if (merge.value() != null) {
                    overlay.row(merge.key(), merge.value());
                }
            }
            overlay.finish();
            return null;
        });
    }

    /** The journal's writes in key order, laid over the state's entries as they stream past in key order. */
    private static final class Overlay {
        private final Iterator<Map.Entry<String, String>> writes;
        private final BiConsumer<String, String> consumer;
        private Map.Entry<String, String> next;

        Overlay(SortedMap<String, String> writes, BiConsumer<String, String> consumer) {
            this.writes = writes.entrySet().iterator();
            this.consumer = consumer;
            advance();
        }

        /** Passes on the writes that sort before the row, then the row, or the write that replaces it. */
        void row(String key, String value) {
            while (next != null && next.getKey().compareTo(key) < 0) {
                passWrite();
            }
            if (next != null && next.getKey().equals(key)) {
                passWrite();
            } else {
                consumer.accept(key, value);
            }
        }

        void finish() {
            while (next != null) {
                passWrite();
            }
        }

        private void passWrite() {
            if (next.getValue() != null) {
                consumer.accept(next.getKey(), next.getValue());
            }
            advance();
        }

        private void advance() {
            next = writes.hasNext() ? writes.next() : null;
        }
    }

    /** The journal's last write of {@code key} if it has one (newest row first), else the runs' entry. */
    @Override
    public Optional<String> stateValue(String key) throws StoreException {
        return inReadTransaction(() -> {
            var entry = journalRows.find(key);
            if (entry.isEmpty()) {
                entry = runs.find(key);
            }
            return entry.map(StateEntries.Entry::value);
        });
    }

    @Override
    public Optional<String> meta(String key) throws StoreException {
        return queryString("SELECT value FROM meta WHERE key = ?", key);
    }

    @Override
    public void putMeta(String key, String value) throws StoreException {
        try {
            upsertMeta.setString(1, key);
            upsertMeta.setString(2, value);
            upsertMeta.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot write to the ledger database: " + e.getMessage(), e);
        }
    }

    @Override
    public void putCheckpoint(long size, String note) throws StoreException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO checkpoints (size, note) VALUES (?, ?) ON CONFLICT (size) DO UPDATE SET note = "
                        + "excluded.note")) {
            insert.setLong(1, size);
            insert.setString(2, note);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot write a checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> latestCheckpoint() throws StoreException {
        return queryString("SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1");
    }

    @Override
    public Optional<String> integrityProblem() throws StoreException {
        var result = queryString("PRAGMA integrity_check").orElse("no answer");
        return result.equals("ok") ? Optional.empty() : Optional.of(result);
    }

    /**
     * Copies the write-ahead log back into the database from a connection of its own, between appends (SQLite's
     * automatic checkpoint would run inside the commit that crosses its threshold, and the log never starts over
     * behind checkpoints that race the appends: see {@link #walLock}). The sequencer keeps filling the next batch
     * while an append waits for a checkpoint.
     */
    private void checkpointWal() {
        try (var checkpoints = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
                var statement = checkpoints.createStatement()) {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(WAL_CHECKPOINT_MILLIS);
                copyWal(statement);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // The writer goes on; the WAL only grows until the next open checkpoints it.
            System.err.println("warning: WAL checkpoints stopped for " + file + ": " + e.getMessage());
        }
    }

    /**
     * One checkpoint through {@code statement} (of a connection other than the writer's), holding appends off while
     * it runs. Returns the frames the log held, all copied back into the database (so the next append writes the log
     * from its start), or -1 when it could not copy them all (a reader still needs them).
     */
    int copyWal(Statement statement) throws SQLException, InterruptedException {
        walLock.lockInterruptibly();
        try (var result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            // The columns: whether it was blocked, the frames in the log, the frames copied back.
            boolean whole = result.next() && result.getInt(1) == 0 && result.getInt(2) == result.getInt(3);
            return whole ? result.getInt(2) : -1;
        } finally {
            walLock.unlock();
        }
    }

    /**
     * Completes the fold in progress and folds the rest of the journal, so that a database closed cleanly by its
     * writer holds its whole state in runs.
     */
    @Override
    public void close() throws StoreException {
        if (checkpointer != null) {
            checkpointer.interrupt();
            try {
                checkpointer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        StoreException unfolded = null;
        try {
            if (appending && journal == null) {
                readJournal(); // after a failed append
            }
            if (appending && (fold != null || journal.writes() > 0)) {
                while (fold != null || journal.writes() > 0) {
                    if (fold == null) {
                        fold = new Fold(journal, runs, journalRows, foldSteps);
                    }
                    fold.finish();
                    journal.foldDeleted();
                    fold = null;
                }
                connection.commit();
                // sqlite3_exec, since each step of this pragma frees one page and JDBC's execute takes one step.
                int code = connection.unwrap(SQLiteConnection.class).getDatabase()._exec("PRAGMA incremental_vacuum");
                if (code != 0) {
                    throw new SQLException("incremental_vacuum failed with SQLite code " + code);
                }
                connection.commit();
            }
        } catch (SQLException e) {
            unfolded = new StoreException("cannot fold the state journal of " + file + " (its writes stay in the "
                    + "journal): " + e.getMessage(), e);
        }
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the ledger database " + file + ": " + e.getMessage(), e);
        }
        if (unfolded != null) {
            throw unfolded;
        }
    }

    private long queryLong(String sql) throws StoreException {
        var values = new long[1];
        forEachRow(sql, rows -> values[0] = rows.getLong(1));
        return values[0];
    }

    private Optional<String> queryString(String sql, Object... parameters) throws StoreException {
        var values = new ArrayList<String>(1);
        forEachRow(sql, rows -> values.add(rows.getString(1)), parameters);
        return values.stream().findFirst();
    }

    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    /** Runs a query in its own read transaction and hands each row to {@code handler}. */
    private void forEachRow(String sql, RowHandler handler, Object... parameters) throws StoreException {
        inReadTransaction(() -> {
            query(sql, handler, parameters);
            return null;
        });
    }

    private interface Read<T> {
        T run() throws SQLException;
    }

    /** Runs {@code read}'s queries in one read transaction, so that they all see the same commit. */
    private <T> T inReadTransaction(Read<T> read) throws StoreException {
        try {
            var result = read.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** Runs a query in the current transaction and hands each row to {@code handler}. */
    private void query(String sql, RowHandler handler, Object... parameters) throws SQLException {
        try (var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }

    private StoreException readFailure(SQLException e) {
        rollback();
        return new StoreException("cannot read the ledger database " + file + ": " + e.getMessage(), e);
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller reports
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // reporting the open failure matters more
            }
        }
    }
}
