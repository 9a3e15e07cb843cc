package io.tributary.store;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a commit returns only after
 * the write-ahead log is fsynced. One connection, used by one thread at a time (the committer).
 */
public final class SqliteStore implements LedgerStore {

    private static final String DIALECT = "sqlite";
    /** Page cache of the connection: state upserts land on random pages, which should hit memory, not the OS. */
    static final int CACHE_KIBIBYTES = 64 * 1024;
    private final Path file;
    private final Connection connection;
    private final PreparedStatement insertBlock;
    private final PreparedStatement upsertState;
    private final PreparedStatement deleteState;
    private final PreparedStatement upsertMeta;
    private final Thread checkpointer;
    /** The log's size as this writer last committed it; -1 until read, and again after a failed append. */
    private long committedSize = -1;
    /** How often the write-ahead log is copied back into the database, off the commit path. */
    static final long WAL_CHECKPOINT_MILLIS = 500;

    private SqliteStore(Path file, Connection connection, SQLiteConfig config) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.checkpointer = Thread.ofVirtual().name("wal-checkpointer").start(() -> checkpointWal(config));
        insertBlock = connection.prepareStatement("INSERT INTO entry_blocks (first, count, leaf_hashes, lengths, bytes) "
                + "VALUES (?, ?, ?, ?, ?)");
        upsertState = connection.prepareStatement(
                "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        deleteState = connection.prepareStatement("DELETE FROM state WHERE key = ?");
        upsertMeta = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    }

    /** Opens (creating if {@code create}) the database at {@code file} and brings its schema up to date. */
    public static SqliteStore open(Path file, boolean create) throws StoreException {
        if (!create && !Files.isRegularFile(file)) {
            throw new StoreException("no ledger database at " + file + " (run `tributary init` first)");
        }
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA cache_size = -" + CACHE_KIBIBYTES);
                statement.execute("PRAGMA wal_autocheckpoint = 0");
            }
            Migrations.apply(connection, DIALECT);
            connection.setAutoCommit(false);
            return new SqliteStore(file, connection, config);
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

    /** Writes the batch's entries as one block, its state writes and the frontier, in one transaction. */
    @Override
    public void append(Batch batch) throws StoreException {
        try {
            if (!batch.entries().isEmpty()) {
                insertBlock(batch.entries());
            }
            for (var write : batch.stateWrites().entrySet()) {
                if (write.getValue() == null) {
                    deleteState.setString(1, write.getKey());
                    deleteState.addBatch();
                } else {
                    upsertState.setString(1, write.getKey());
                    upsertState.setString(2, write.getValue());
                    upsertState.addBatch();
                }
            }
            upsertState.executeBatch();
            deleteState.executeBatch();
            upsertMeta.setString(1, "frontier");
            upsertMeta.setString(2, java.util.Base64.getEncoder().encodeToString(batch.frontier()));
            upsertMeta.executeUpdate();
            connection.commit();
            if (!batch.entries().isEmpty()) {
                committedSize = batch.entries().getLast().position() + 1;
            }
        } catch (SQLException | StoreException e) {
            committedSize = -1;
            rollback();
            throw e instanceof StoreException store ? store
                    : new StoreException("cannot append to the ledger database: " + e.getMessage(), e);
        }
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
        forEachRow("SELECT key, value FROM state ORDER BY key", rows -> consumer.accept(rows.getString(1),
                rows.getString(2)));
    }

    @Override
    public void forEachStateWithPrefix(String prefix, BiConsumer<String, String> consumer) throws StoreException {
        if (prefix.isEmpty()) {
            forEachState(consumer);
            return;
        }
        var upper = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        forEachRow("SELECT key, value FROM state WHERE key >= ? AND key < ? ORDER BY key",
                rows -> consumer.accept(rows.getString(1), rows.getString(2)), prefix, upper);
    }

    @Override
    public Optional<String> stateValue(String key) throws StoreException {
        return queryString("SELECT value FROM state WHERE key = ?", key);
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
     * Copies the write-ahead log back into the database from a connection of its own, so that no commit waits for
     * it (SQLite's automatic checkpoint would run inside the commit that crosses its threshold). PASSIVE never
     * blocks the writer; the WAL restarts from the beginning once fully copied.
     */
    private void checkpointWal(SQLiteConfig config) {
        try (var checkpoints = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
                var statement = checkpoints.createStatement()) {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(WAL_CHECKPOINT_MILLIS);
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // The writer goes on; the WAL only grows until the next open checkpoints it.
            System.err.println("warning: WAL checkpoints stopped for " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws StoreException {
        checkpointer.interrupt();
        try {
            checkpointer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the ledger database " + file + ": " + e.getMessage(), e);
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
        try (var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw readFailure(e);
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
