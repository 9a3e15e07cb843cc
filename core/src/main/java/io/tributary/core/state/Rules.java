package io.tributary.core.state;

import io.tributary.core.state.Outcome.Applied;
import io.tributary.core.state.Outcome.Rejected;
import io.tributary.core.state.Values.Account;
import io.tributary.core.state.Values.Ledger;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.Transaction;

/**
 * The state machine of DESIGN §4: a pure function from (state, transaction, log index) to an outcome. It trusts
 * the transaction's form (parsing checked it) and its signature (the sequencer checked it), and checks the rest.
 */
public final class Rules {

    private Rules() {}

    public static Outcome apply(StateReader state, Transaction tx, long index) {
        var changes = new Changes(state);
        try {
            var signer = nonce(changes, tx, index);
            switch (tx.body()) {
                case Body.Genesis genesis -> genesis(changes, genesis, index);
                case Body.Transfer transfer -> Transfers.transfer(changes, signer, transfer);
                case Body.ShareTransfer transfer -> Transfers.shares(changes, signer, transfer);
                case Body.DatanetCreate create -> Datanets.create(changes, signer, create);
                case Body.DatanetUpdate update -> Datanets.update(changes, signer, update);
                case Body.ContributionPropose propose -> Datanets.propose(changes, signer, tx.id(), propose);
                case Body.ContributionAccept accept -> Datanets.accept(changes, signer, accept);
                case Body.ContributionReject reject -> Datanets.reject(changes, signer, reject);
                case Body.DatanetFreeze freeze -> Datanets.freeze(changes, signer, freeze, tx.timeMillis());
                case Body.ModelRegister register -> Models.register(changes, signer, register);
                case Body.ModelUpdate update -> Models.update(changes, signer, update);
                case Body.AgentRegister register -> Models.agent(changes, signer, register);
            }
        } catch (Rejection rejection) {
            return new Rejected(rejection.reason, rejection.getMessage());
        }
        if (index > 0) {
            Supply.checkConserved(changes, index);
        }
        return new Applied(changes.writes());
    }

    /** Checks and advances the signer's nonce: an account's first is 1, each next exactly one more. */
    private static String nonce(Changes changes, Transaction tx, long index) {
        var signer = tx.account().value();
        var account = account(changes, signer);
        require(tx.nonce() == account.nonce() + 1, Reason.BAD_NONCE,
                "expected nonce %d for %s, got %d", account.nonce() + 1, signer, tx.nonce());
        require((index == 0) == (tx.body() instanceof Body.Genesis), Reason.GENESIS,
                "the genesis is the first entry of a log and only the first");
        changes.put(Keys.account(signer), new Account(account.balance(), tx.nonce()));
        return signer;
    }

    private static void genesis(Changes changes, Body.Genesis genesis, long index) {
        long supply = 0;
        for (var entry : genesis.balances().entrySet()) {
            supply = add(supply, entry.getValue(), "the genesis supply");
            var account = account(changes, entry.getKey());
            changes.put(Keys.account(entry.getKey()), new Account(add(account.balance(), entry.getValue(),
                    "a balance"), account.nonce()));
        }
        require(supply <= io.tributary.core.json.Json.SAFE_INTEGER_MAX, Reason.OVERFLOW,
                "the genesis supply %d exceeds 2^53-1", supply);
        changes.put(Keys.LEDGER, new Ledger(genesis.origin(), supply));
    }

    static Account account(StateReader state, String account) {
        var value = state.get(Keys.account(account), Account.class);
        return value == null ? Account.EMPTY : value;
    }

    /** Moves {@code amount} micro-units from one balance to another, exactly. */
    static void debit(Changes changes, String account, long amount) {
        var from = account(changes, account);
        require(from.balance() >= amount, Reason.INSUFFICIENT_FUNDS,
                "%s holds %d micro-units, needs %d", account, from.balance(), amount);
        changes.put(Keys.account(account), new Account(from.balance() - amount, from.nonce()));
    }

    static void credit(Changes changes, String account, long amount) {
        var to = account(changes, account);
        changes.put(Keys.account(account), new Account(add(to.balance(), amount, "a balance"), to.nonce()));
    }

    static long add(long a, long b, String what) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new Rejection(Reason.OVERFLOW, what + " would overflow");
        }
    }

    static void require(boolean condition, Reason reason, String format, Object... arguments) {
        if (!condition) {
            throw new Rejection(reason, String.format(format, arguments));
        }
    }

    /** Unwinds a rule to {@link #apply}, which returns it as a {@link Rejected} outcome; never escapes this package. */
    static final class Rejection extends RuntimeException {
        final Reason reason;

        Rejection(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
