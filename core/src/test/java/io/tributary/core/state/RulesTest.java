package io.tributary.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.crypto.SigningKey;
import io.tributary.core.tx.AssetRef;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.Body.Parent;
import io.tributary.core.tx.Body.Royalty;
import io.tributary.core.tx.TxCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RulesTest {

    static final SigningKey OWNER = Chain.key(1);
    static final SigningKey CONTRIBUTOR = Chain.key(2);
    static final SigningKey CURATOR = Chain.key(3);
    static final SigningKey STRANGER = Chain.key(4);
    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "b".repeat(64);

    Chain chain;

    @BeforeEach
    void genesis() {
        chain = new Chain(Map.of(OWNER, 1_000_000L, CONTRIBUTOR, 1_000_000L, CURATOR, 0L));
    }

    private static void assertRejected(Outcome outcome, Reason reason) {
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    private static void assertApplied(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Applied.class);
    }

    private String createDatanet(long deposit) {
        assertApplied(chain.submit(OWNER, new Body.DatanetCreate("news", "News", "CC-BY-4.0",
                List.of(CURATOR.account().value()), deposit, null)));
        return "news";
    }

    private String propose(SigningKey key, String hash) {
        var tx = TxCodec.sign(key, new Body.ContributionPropose("news", hash, 10L, "text/plain", Map.of()),
                chain.nonces.getOrDefault(key.account().value(), 0L) + 1, 5);
        assertApplied(chain.submit(tx));
        return tx.id();
    }

    @Test
    void transfersMoveExactAmountsAndRejectOverdrafts() {
        assertApplied(chain.submit(OWNER, new Body.Transfer(STRANGER.account().value(), 250L)));
        assertThat(chain.balance(OWNER)).isEqualTo(999_750);
        assertThat(chain.balance(STRANGER)).isEqualTo(250);
        assertRejected(chain.submit(STRANGER, new Body.Transfer(OWNER.account().value(), 251L)), Reason.INSUFFICIENT_FUNDS);
        assertThat(chain.held()).isEqualTo(chain.supply);
    }

    @Test
    void noncesMustAdvanceByExactlyOne() {
        var to = STRANGER.account().value();
        var first = TxCodec.sign(OWNER, new Body.Transfer(to, 1L), 1, 1);
        assertApplied(chain.submit(first));
        assertRejected(chain.submit(first), Reason.BAD_NONCE);
        assertRejected(chain.submit(TxCodec.sign(OWNER, new Body.Transfer(to, 1L), 3, 1)), Reason.BAD_NONCE);
        assertApplied(chain.submit(TxCodec.sign(OWNER, new Body.Transfer(to, 1L), 2, 1)));
    }

    @Test
    void genesisOnlyFirst() {
        assertRejected(chain.submit(OWNER, new Body.Genesis("again", Map.of(OWNER.account().value(), 5L))), Reason.GENESIS);
    }

    @Test
    void curatorsAcceptAndTheDepositComesBack() {
        createDatanet(100);
        var id = propose(CONTRIBUTOR, HASH_A);
        assertThat(chain.balance(CONTRIBUTOR)).isEqualTo(999_900);
        assertThat(chain.held()).isEqualTo(chain.supply);
        assertRejected(chain.submit(STRANGER, new Body.ContributionAccept(id)), Reason.UNAUTHORIZED);
        assertApplied(chain.submit(CURATOR, new Body.ContributionAccept(id)));
        assertThat(chain.balance(CONTRIBUTOR)).isEqualTo(1_000_000);
        assertRejected(chain.submit(CURATOR, new Body.ContributionAccept(id)), Reason.WRONG_STATUS);
        assertThat(chain.state.get(Keys.member("news", 0))).isEqualTo(new Values.Member(id, HASH_A));
    }

    @Test
    void spamForfeitsTheDepositToShareholdersProRata() {
        createDatanet(1_001);
        assertApplied(chain.submit(OWNER, new Body.ShareTransfer("datanet/news", STRANGER.account().value(), 250_000L)));
        var id = propose(CONTRIBUTOR, HASH_A);
        assertApplied(chain.submit(CURATOR, new Body.ContributionReject(id, true)));
        assertThat(chain.balance(CONTRIBUTOR)).isEqualTo(1_000_000 - 1_001);
        assertThat(chain.balance(STRANGER)).isEqualTo(250);
        assertThat(chain.balance(OWNER)).isEqualTo(1_000_000 + 751);
        assertThat(chain.held()).isEqualTo(chain.supply);
    }

    @Test
    void aPlainRejectionReturnsTheDeposit() {
        createDatanet(500);
        var id = propose(CONTRIBUTOR, HASH_A);
        assertApplied(chain.submit(OWNER, new Body.ContributionReject(id, false)));
        assertThat(chain.balance(CONTRIBUTOR)).isEqualTo(1_000_000);
    }

    @Test
    void contentIsProposedOnceAndReferencesMustExist() {
        createDatanet(0);
        propose(CONTRIBUTOR, HASH_A);
        assertRejected(chain.submit(STRANGER, new Body.ContributionPropose("news", HASH_A, 1L, "text/plain", null)),
                Reason.ALREADY_EXISTS);
        assertRejected(chain.submit(STRANGER, new Body.ContributionPropose("nope", HASH_B, 1L, "text/plain", null)),
                Reason.UNKNOWN_REFERENCE);
        assertRejected(chain.submit(CURATOR, new Body.ContributionAccept(HASH_B)), Reason.UNKNOWN_REFERENCE);
        assertRejected(chain.submit(OWNER, new Body.DatanetCreate("news", "again", "x", List.of(), 0L, null)),
                Reason.ALREADY_EXISTS);
    }

    @Test
    void onlyTheOwnerOrAMajorityHolderUpdatesADatanet() {
        createDatanet(0);
        assertRejected(chain.submit(STRANGER, new Body.DatanetUpdate("news", "mine", null, null, null, null)), Reason.UNAUTHORIZED);
        assertApplied(chain.submit(OWNER, new Body.DatanetUpdate("news", null, null, null, 7L, Body.Control.MAJORITY)));
        assertApplied(chain.submit(OWNER, new Body.ShareTransfer("datanet/news", STRANGER.account().value(), 600_000L)));
        assertApplied(chain.submit(STRANGER, new Body.DatanetUpdate("news", "mine", null, null, null, null)));
        var datanet = chain.state.get(Keys.datanet("news"), Values.Datanet.class);
        assertThat(datanet.name()).isEqualTo("mine");
        assertThat(datanet.deposit()).isEqualTo(7);
        assertThat(datanet.owner()).isEqualTo(OWNER.account().value());
    }

    @Test
    void freezeSnapshotsAcceptedContributionsAndModelsReferToVersions() {
        createDatanet(0);
        assertRejected(chain.submit(OWNER, new Body.DatanetFreeze("news")), Reason.EMPTY_VERSION);
        var a = propose(CONTRIBUTOR, HASH_A);
        var b = propose(STRANGER, HASH_B);
        assertApplied(chain.submit(CURATOR, new Body.ContributionAccept(a)));
        assertApplied(chain.submit(CURATOR, new Body.ContributionAccept(b)));
        assertRejected(chain.submit(STRANGER, new Body.DatanetFreeze("news")), Reason.UNAUTHORIZED);
        assertApplied(chain.submit(OWNER, new Body.DatanetFreeze("news")));
        var version = chain.state.get(Keys.version("news", 1), Values.DatanetVersion.class);
        assertThat(version.contributions()).isEqualTo(2);
        var late = propose(CONTRIBUTOR, "c".repeat(64));
        assertApplied(chain.submit(CURATOR, new Body.ContributionAccept(late)));
        assertThat(VersionMembers.of(chain.state, "news", 1).sequencedKeySet()).containsExactly(a, b);
        assertThat(VersionMembers.root(VersionMembers.of(chain.state, "news", 1))).isEqualTo(version.root());
        assertApplied(chain.submit(OWNER, new Body.DatanetFreeze("news")));
        assertThat(VersionMembers.of(chain.state, "news", 2).sequencedKeySet()).containsExactly(a, b, late);
        assertThat(VersionMembers.of(chain.state, "news", 3)).isEmpty();
        assertRejected(chain.submit(OWNER, new Body.ModelRegister("m", HASH_A, List.of(), List.of("news@3"), null)),
                Reason.UNKNOWN_REFERENCE);
        assertApplied(chain.submit(OWNER, new Body.ModelRegister("m", HASH_A, List.of(), List.of("news@1"), null)));
    }

    @Test
    void lineageStaysAcyclic() {
        assertApplied(chain.submit(OWNER, new Body.ModelRegister("base", HASH_A, List.of(), List.of(), null)));
        assertApplied(chain.submit(OWNER, new Body.ModelRegister("tuned", HASH_B,
                List.of(new Parent("base", Royalty.ABSOLUTE, 1_000L)), List.of(), null)));
        assertRejected(chain.submit(OWNER, new Body.ModelRegister("x", HASH_B, List.of(new Parent("ghost", Royalty.RELATIVE, 1L)),
                List.of(), null)), Reason.UNKNOWN_REFERENCE);
        assertRejected(chain.submit(OWNER, new Body.ModelUpdate("base", List.of(new Parent("tuned", Royalty.RELATIVE, 1L)),
                List.of())), Reason.LINEAGE_CYCLE);
        assertRejected(chain.submit(OWNER, new Body.ModelUpdate("base", List.of(new Parent("base", Royalty.RELATIVE, 1L)),
                List.of())), Reason.LINEAGE_CYCLE);
        assertRejected(chain.submit(STRANGER, new Body.ModelUpdate("tuned", List.of(), List.of())), Reason.UNAUTHORIZED);
        assertApplied(chain.submit(OWNER, new Body.AgentRegister("helper", List.of("tuned"), 5_000L)));
        assertRejected(chain.submit(OWNER, new Body.AgentRegister("broken", List.of("ghost"), 5_000L)), Reason.UNKNOWN_REFERENCE);
    }

    /**
     * A registration cannot close a cycle, so it walks no lineage and is not held to the walk's bound; an update still
     * walks every ancestor, and refuses one it cannot walk within the bound.
     */
    @Test
    void registeringUnderADeepLineageWalksNoAncestors() {
        var owner = OWNER.account().value();
        var deep = new HashMap<String, Object>();
        for (int i = 0; i <= Models.LINEAGE_MODELS_MAX; i++) {
            var parents = i == 0 ? List.<Parent>of() : List.of(new Parent("m" + (i - 1), Royalty.RELATIVE, 1L));
            deep.put(Keys.model("m" + i), new Values.Model(owner, HASH_A, parents, List.of(), Body.Control.OWNER));
        }
        chain.state.apply(deep);
        var last = "m" + Models.LINEAGE_MODELS_MAX;
        assertApplied(chain.submit(OWNER, new Body.ModelRegister("leaf", HASH_B,
                List.of(new Parent(last, Royalty.RELATIVE, 1L)), List.of(), null)));
        assertRejected(chain.submit(OWNER, new Body.ModelUpdate("m0", List.of(new Parent("leaf", Royalty.RELATIVE, 1L)),
                List.of())), Reason.LINEAGE_CYCLE);
    }

    @Test
    void sharesMoveExactlyAndNeverBelowZero() {
        createDatanet(0);
        var asset = new AssetRef(AssetRef.Kind.DATANET, "news");
        assertRejected(chain.submit(STRANGER, new Body.ShareTransfer("datanet/news", OWNER.account().value(), 1L)),
                Reason.INSUFFICIENT_SHARES);
        assertRejected(chain.submit(OWNER, new Body.ShareTransfer("model/none", STRANGER.account().value(), 1L)),
                Reason.UNKNOWN_REFERENCE);
        assertApplied(chain.submit(OWNER, new Body.ShareTransfer("datanet/news", STRANGER.account().value(), 1_000_000L)));
        assertThat(chain.state.get(Keys.shares(asset, OWNER.account().value()))).isNull();
        assertThat(chain.state.get(Keys.shares(asset, STRANGER.account().value()))).isEqualTo(1_000_000L);
    }

    @Test
    void genesisBeyondTheSafeIntegerRangeIsAnOverflow() {
        var huge = new java.util.TreeMap<String, Long>();
        huge.put(OWNER.account().value(), 9_007_199_254_740_991L);
        huge.put(STRANGER.account().value(), 9_007_199_254_740_991L);
        var outcome = Rules.apply(new State(), TxCodec.sign(Chain.key(0), new Body.Genesis("x", huge), 1, 1), 0);
        assertRejected(outcome, Reason.OVERFLOW);
    }
}
