package io.tributary.node.ledger;

import io.tributary.core.crypto.SigningKey;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.Transaction;
import io.tributary.core.tx.TxCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Deterministic keys and ledgers for node tests. */
public final class TestLedgers {

    public static final long FUNDS = 1_000_000_000L;

    private TestLedgers() {}

    public static SigningKey key(int index) {
        return SigningKey.fromSeed(ByteBuffer.allocate(32).putInt(11).putInt(index).array());
    }

    /** A ledger whose genesis funds keys {@code 0 .. funded - 1}. */
    public static void init(Path dir, int funded) throws Exception {
        var balances = new TreeMap<String, Long>();
        for (int i = 0; i < funded; i++) {
            balances.put(key(i).account().value(), FUNDS);
        }
        Ledger.init(dir, new Body.Genesis("test.tributary/log", balances), 1_700_000_000_000L);
    }

    public static Transaction sign(SigningKey key, long nonce, Body body) {
        return TxCodec.sign(key, body, nonce, 1_700_000_000_000L + nonce);
    }

    /** Appends lines and returns the results in order. */
    public static List<Result> append(Path dir, List<String> lines) throws Exception {
        var results = new ArrayList<Result>();
        try (var ledger = Ledger.openForWriting(dir)) {
            Appender.appendLines(ledger, lines.iterator(), results::add);
        }
        return results;
    }
}
