package io.tributary.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Versioned schema migrations: numbered SQL scripts per dialect, applied in order, each in its own transaction
 * together with the row that records it. A database newer than this code is refused, never downgraded.
 */
final class Migrations {

    /** In order; the version of each is its position plus one. */
    static final List<String> SCRIPTS = List.of("V1__ledger.sql", "V2__state_journal.sql",
            "V3__state_runs.sql");

    private Migrations() {}

    static void apply(Connection connection, String dialect) throws SQLException, StoreException {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT "
                    + "NOT NULL)");
        }
        int current;
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            current = rows.getInt(1);
        }
        if (current > SCRIPTS.size()) {
            throw new StoreException("database schema version " + current + " is newer than this build knows ("
                    + SCRIPTS.size() + "); upgrade Tributary");
        }
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            run(connection, dialect, version, SCRIPTS.get(version - 1));
        }
    }

    private static void run(Connection connection, String dialect, int version, String script)
            throws SQLException, StoreException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            for (var sql : read(dialect, script).split(";\\s*\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            try (var record = connection.prepareStatement("INSERT INTO schema_version (version, script) VALUES (?, "
                    + "?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String read(String dialect, String script) throws StoreException {
        var path = "migrations/" + dialect + "/" + script;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new StoreException("migration script missing from the build: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + path, e);
        }
    }
}
