package io.tributary.core.state;

import static io.tributary.core.state.Rules.require;

import io.tributary.core.crypto.Bytes;
import io.tributary.core.merkle.Rfc9162;
import io.tributary.core.state.Values.Contribution;
import io.tributary.core.state.Values.Datanet;
import io.tributary.core.state.Values.DatanetVersion;
import io.tributary.core.state.Values.Status;
import io.tributary.core.tx.AssetRef;
import io.tributary.core.tx.Body;
import java.util.Objects;

/** Datanets: creation, curation of contributions, and frozen versions. */
final class Datanets {

    private Datanets() {}

    static void create(Changes changes, String signer, Body.DatanetCreate create) {
        var asset = new AssetRef(AssetRef.Kind.DATANET, create.id());
        Assets.issue(changes, asset, signer);
        var control = Objects.requireNonNullElse(create.control(), Body.Control.OWNER);
        changes.put(Keys.datanet(create.id()), new Datanet(signer, create.name(), create.license(), create.curators(),
                create.deposit(), control, 0, 0, Datanet.NO_MEMBERS));
    }

    static void update(Changes changes, String signer, Body.DatanetUpdate update) {
        var datanet = datanet(changes, update.id());
        Assets.requireControl(changes, new AssetRef(AssetRef.Kind.DATANET, update.id()), datanet.owner(),
                datanet.control(), signer);
        changes.put(Keys.datanet(update.id()), new Datanet(
                datanet.owner(),
                Objects.requireNonNullElse(update.name(), datanet.name()),
                Objects.requireNonNullElse(update.license(), datanet.license()),
                Objects.requireNonNullElse(update.curators(), datanet.curators()),
                Objects.requireNonNullElse(update.deposit(), datanet.deposit()),
                Objects.requireNonNullElse(update.control(), datanet.control()),
                datanet.versions(), datanet.accepted(), datanet.frontier()));
    }

    /** Anyone may propose; the datanet's deposit moves from the contributor's balance into escrow. */
    static void propose(Changes changes, String signer, String contributionId, Body.ContributionPropose propose) {
        var datanet = datanet(changes, propose.datanet());
        var existing = changes.get(Keys.content(propose.datanet(), propose.hash()), String.class);
        require(existing == null, Reason.ALREADY_EXISTS,
                "content %s was already proposed to %s as %s", propose.hash(), propose.datanet(), existing);
        Rules.debit(changes, signer, datanet.deposit());
        changes.put(Keys.content(propose.datanet(), propose.hash()), contributionId);
        changes.put(Keys.contribution(contributionId), new Contribution(propose.datanet(), signer, propose.hash(),
                propose.size(), propose.mediaType(), propose.metadata(), datanet.deposit(), Status.PROPOSED));
    }

    static void accept(Changes changes, String signer, Body.ContributionAccept accept) {
        var contribution = curate(changes, signer, accept.contribution());
        Rules.credit(changes, contribution.contributor(), contribution.deposit());
        changes.put(Keys.contribution(accept.contribution()), withStatus(contribution, Status.ACCEPTED));
        var datanet = datanet(changes, contribution.datanet());
        var tree = datanet.members();
        tree.append(Rfc9162.leafHash(Bytes.unhex(contribution.hash(), Bytes.SHA256_BYTES)));
        changes.put(Keys.member(contribution.datanet(), datanet.accepted()),
                new Values.Member(accept.contribution(), contribution.hash()));
        changes.put(Keys.datanet(contribution.datanet()),
                datanet.withMembers(tree));
    }

    /** A plain rejection returns the deposit; a spam rejection forfeits it to the datanet's shareholders. */
    static void reject(Changes changes, String signer, Body.ContributionReject reject) {
        var contribution = curate(changes, signer, reject.contribution());
        if (reject.spam()) {
            changes.put(Keys.contribution(reject.contribution()), withStatus(contribution, Status.SPAM));
            if (contribution.deposit() > 0) {
                Assets.payHolders(changes, new AssetRef(AssetRef.Kind.DATANET, contribution.datanet()),
                        contribution.deposit());
            }
        } else {
            changes.put(Keys.contribution(reject.contribution()), withStatus(contribution, Status.REJECTED));
            Rules.credit(changes, contribution.contributor(), contribution.deposit());
        }
    }

    /** Freezes the accepted sequence so far under the RFC 9162 root of their content hashes, in acceptance order. */
    static void freeze(Changes changes, String signer, Body.DatanetFreeze freeze, long timeMillis) {
        var datanet = datanet(changes, freeze.datanet());
        requireCurator(datanet, freeze.datanet(), signer);
        require(datanet.accepted() > 0, Reason.EMPTY_VERSION, "%s has no accepted contributions", freeze.datanet());
        var tree = datanet.members();
        long version = datanet.versions() + 1;
        changes.put(Keys.version(freeze.datanet(), version),
                new DatanetVersion(Bytes.hex(tree.root()), datanet.accepted(), timeMillis));
        changes.put(Keys.datanet(freeze.datanet()), datanet.withVersions(version));
    }

    private static Contribution curate(Changes changes, String signer, String contributionId) {
        var contribution = changes.get(Keys.contribution(contributionId), Contribution.class);
        require(contribution != null, Reason.UNKNOWN_REFERENCE, "no contribution %s", contributionId);
        requireCurator(datanet(changes, contribution.datanet()), contribution.datanet(), signer);
        require(contribution.status() == Status.PROPOSED, Reason.WRONG_STATUS,
                "contribution %s is already %s", contributionId, contribution.status().name().toLowerCase());
        return contribution;
    }

    private static void requireCurator(Datanet datanet, String id, String signer) {
        require(datanet.owner().equals(signer) || datanet.curators().contains(signer), Reason.UNAUTHORIZED,
                "%s is not a curator of datanet %s", signer, id);
    }

    static Datanet datanet(StateReader state, String id) {
        var datanet = state.get(Keys.datanet(id), Datanet.class);
        require(datanet != null, Reason.UNKNOWN_REFERENCE, "no datanet %s", id);
        return datanet;
    }

    private static Contribution withStatus(Contribution c, Status status) {
        return new Contribution(c.datanet(), c.contributor(), c.hash(), c.size(), c.mediaType(), c.metadata(),
                c.deposit(), status);
    }
}
