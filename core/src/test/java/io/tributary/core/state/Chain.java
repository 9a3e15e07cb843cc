package io.tributary.core.state;

import io.tributary.core.crypto.SigningKey;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.Transaction;
import io.tributary.core.tx.TxCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A ledger in memory for rule tests: a state, the accepted log, and each key's next nonce. */
final class Chain {

    final State state = new State();
    final List<Transaction> log = new ArrayList<>();
    final Map<String, Long> nonces = new HashMap<>();
    final long supply;

    Chain(Map<SigningKey, Long> balances) {
        var genesisKey = key(0);
        var map = new TreeMap<String, Long>();
        balances.forEach((key, amount) -> map.put(key.account().value(), amount));
        supply = map.values().stream().mapToLong(Long::longValue).sum();
        var outcome = submit(genesisKey, new Body.Genesis("test/log", map));
        if (!(outcome instanceof Outcome.Applied)) {
            throw new IllegalStateException("genesis rejected: " + outcome);
        }
    }

    static SigningKey key(int index) {
        return SigningKey.fromSeed(ByteBuffer.allocate(32).putInt(7).putInt(index).array());
    }

    Outcome submit(SigningKey key, Body body) {
        var account = key.account().value();
        return submit(TxCodec.sign(key, body, nonces.getOrDefault(account, 0L) + 1, 1_000 + log.size()));
    }

    Outcome submit(Transaction tx) {
        var outcome = Rules.apply(state, tx, log.size());
        if (outcome instanceof Outcome.Applied applied) {
            state.apply(applied.writes());
            log.add(tx);
            nonces.put(tx.account().value(), tx.nonce());
        }
        return outcome;
    }

    long balance(SigningKey key) {
        var account = state.get(Keys.account(key.account().value()), Values.Account.class);
        return account == null ? 0 : account.balance();
    }

    long held() {
        return Supply.total(state.entries().values());
    }
}
