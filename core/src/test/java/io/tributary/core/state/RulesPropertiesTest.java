package io.tributary.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.crypto.SigningKey;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.TxCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants over random transaction sequences, valid and invalid mixed. */
class RulesPropertiesTest {

    static final List<SigningKey> KEYS = List.of(Chain.key(1), Chain.key(2), Chain.key(3), Chain.key(4), Chain.key(5));

    record Action(int kind, int actor, int target, long amount, boolean flag) {}

    @Provide
    Arbitrary<List<Action>> actions() {
        var action = Combinators.combine(
                Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, KEYS.size() - 1),
                Arbitraries.integers().between(0, 7), Arbitraries.longs().between(1, 400_000), Arbitraries.of(true, false))
                .as(Action::new);
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    private static Chain newChain() {
        return new Chain(Map.of(KEYS.get(0), 1_000_000L, KEYS.get(1), 500_000L, KEYS.get(2), 3L));
    }

    /** Turns an action into a body: names are drawn from small sets so references often hit and often miss. */
    private static Body body(Action a, List<String> proposals) {
        var to = KEYS.get(a.target() % KEYS.size()).account().value();
        var datanet = "d" + (a.target() % 3);
        var model = "m" + (a.target() % 3);
        var hash = String.format("%064x", a.amount());
        var proposal = proposals.isEmpty() ? hash : proposals.get(a.target() % proposals.size());
        return switch (a.kind()) {
            case 0, 1 -> new Body.Transfer(to, a.amount());
            case 2 -> new Body.DatanetCreate(datanet, "n", "l", List.of(to), a.amount() % 1_000, null);
            case 3 -> new Body.ContributionPropose(datanet, hash, a.amount(), "text/plain", Map.of());
            case 4 -> new Body.ContributionAccept(proposal);
            case 5 -> new Body.ContributionReject(proposal, a.flag());
            case 6 -> new Body.DatanetFreeze(datanet);
            case 7 -> new Body.ShareTransfer("datanet/" + datanet, to, a.amount() * 3);
            case 8 -> new Body.ModelRegister(model, hash, a.flag() ? List.of(new Body.Parent("m" + (a.amount() % 3),
                    Body.Royalty.ABSOLUTE, 100L)) : List.of(), List.of(), null);
            case 9 -> new Body.ModelUpdate(model, List.of(new Body.Parent("m" + (a.amount() % 3), Body.Royalty.RELATIVE, 1L)),
                    List.of());
            case 10 -> new Body.AgentRegister("a" + (a.target() % 2), List.of(model), a.amount());
            default -> new Body.DatanetUpdate(datanet, null, null, null, a.amount(), a.flag() ? Body.Control.MAJORITY : null);
        };
    }

    private static Chain run(List<Action> actions, boolean checkEachStep) {
        var chain = newChain();
        var proposals = new ArrayList<String>();
        for (var action : actions) {
            var key = KEYS.get(action.actor());
            // Every fifth action uses a stale nonce, so replayed and skipped nonces are part of the mix.
            long nonce = chain.nonces.getOrDefault(key.account().value(), 0L) + (action.amount() % 5 == 0 ? 0 : 1);
            var tx = TxCodec.sign(key, body(action, proposals), Math.max(1, nonce), 10);
            byte[] rootBefore = checkEachStep ? chain.state.root() : null;
            var outcome = chain.submit(tx);
            if (outcome instanceof Outcome.Applied && tx.body() instanceof Body.ContributionPropose) {
                proposals.add(tx.id());
            }
            if (checkEachStep) {
                if (outcome instanceof Outcome.Rejected) {
                    assertThat(chain.state.root()).as("a rejected transaction changed the state").isEqualTo(rootBefore);
                }
                assertThat(chain.held()).as("value held at height %d", chain.log.size()).isEqualTo(chain.supply);
            }
        }
        return chain;
    }

    @Property(tries = 200)
    void valueIsConservedAtEveryHeightAndRejectionsChangeNothing(@ForAll("actions") List<Action> actions) {
        run(actions, true);
    }

    @Property(tries = 200)
    void replayingTheLogGivesTheIdenticalStateRoot(@ForAll("actions") List<Action> actions) {
        var chain = run(actions, false);
        var replayed = new State();
        for (int i = 0; i < chain.log.size(); i++) {
            var outcome = Rules.apply(replayed, chain.log.get(i), i);
            assertThat(outcome).isInstanceOf(Outcome.Applied.class);
            replayed.apply(((Outcome.Applied) outcome).writes());
        }
        assertThat(replayed.root()).isEqualTo(chain.state.root());
        assertThat(replayed.entries()).isEqualTo(chain.state.entries());
    }

    @Property(tries = 50)
    void stateValuesSurviveTheirStoredEncoding(@ForAll("actions") List<Action> actions) {
        var chain = run(actions, false);
        chain.state.entries().forEach((key, value) ->
                assertThat(StateCodec.decode(key, StateCodec.encodeString(value))).isEqualTo(value));
    }
}
