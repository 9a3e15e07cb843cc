package io.tributary.core.tx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of a transaction, one record per type. Compact constructors validate every field, so a body that
 * exists is well formed; whether it applies to the state is for {@link io.tributary.core.state.Rules} to say.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Body {

    /** Who may change an asset: its owner, or any holder of more than half of its shares. */
    enum Control {
        @JsonProperty("owner") OWNER,
        @JsonProperty("majority") MAJORITY
    }

    /** A royalty policy on a lineage edge (DESIGN §5). */
    enum Royalty {
        @JsonProperty("absolute") ABSOLUTE,
        @JsonProperty("relative") RELATIVE
    }

    /** The first entry of every log: what was minted, signed by the log's own key. */
    record Genesis(String origin, Map<String, Long> balances) implements Body {
        public Genesis {
            Fields.text(origin, "origin");
            Fields.present(balances, "balances");
            balances.forEach((account, amount) -> {
                Fields.account(account, "balances key");
                Fields.nonNegative(amount, "balances." + account);
            });
            balances = new TreeMap<>(balances);
        }
    }

    record Transfer(String to, Long amount) implements Body {
        public Transfer {
            Fields.account(to, "to");
            Fields.positive(amount, "amount");
        }
    }

    record DatanetCreate(String id, String name, String license, List<String> curators, Long deposit, Control control)
            implements Body {
        public DatanetCreate {
            Fields.assetId(id, "id");
            Fields.text(name, "name");
            Fields.text(license, "license");
            curators = Fields.accounts(curators, "curators");
            Fields.nonNegative(deposit, "deposit");
        }
    }

    /** Changes the fields given; absent fields stay as they are. */
    record DatanetUpdate(String id, String name, String license, List<String> curators, Long deposit, Control control)
            implements Body {
        public DatanetUpdate {
            Fields.assetId(id, "id");
            if (name != null) {
                Fields.text(name, "name");
            }
            if (license != null) {
                Fields.text(license, "license");
            }
            if (curators != null) {
                curators = Fields.accounts(curators, "curators");
            }
            if (deposit != null) {
                Fields.nonNegative(deposit, "deposit");
            }
        }
    }

    record ContributionPropose(
            String datanet, String hash, Long size, @JsonProperty("media_type") String mediaType,
            Map<String, String> metadata) implements Body {
        public ContributionPropose {
            Fields.assetId(datanet, "datanet");
            Fields.hash(hash, "hash");
            Fields.nonNegative(size, "size");
            Fields.text(mediaType, "media_type");
            metadata = Fields.metadata(metadata);
        }
    }

    record ContributionAccept(String contribution) implements Body {
        public ContributionAccept {
            Fields.hash(contribution, "contribution");
        }
    }

    /** A rejection marked as spam forfeits the deposit to the datanet's shareholders; otherwise it is returned. */
    record ContributionReject(String contribution, Boolean spam) implements Body {
        public ContributionReject {
            Fields.hash(contribution, "contribution");
            Fields.present(spam, "spam");
        }
    }

    record DatanetFreeze(String datanet) implements Body {
        public DatanetFreeze {
            Fields.assetId(datanet, "datanet");
        }
    }

    record Parent(String model, Royalty policy, @JsonProperty("rate_bps") Long rateBps) {
        public Parent {
            Fields.assetId(model, "parents.model");
            Fields.present(policy, "parents.policy");
            Fields.rateBps(rateBps, "parents.rate_bps");
        }
    }

    record ModelRegister(String id, String artifact, List<Parent> parents, List<String> datanets, Control control)
            implements Body {
        public ModelRegister {
            Fields.assetId(id, "id");
            Fields.hash(artifact, "artifact");
            parents = Body.checkedParents(parents == null ? List.of() : parents);
            datanets = Body.checkedVersions(datanets == null ? List.of() : datanets);
        }
    }

    /** Replaces a model's lineage (parents and datanet versions); the artifact never changes. */
    record ModelUpdate(String id, List<Parent> parents, List<String> datanets) implements Body {
        public ModelUpdate {
            Fields.assetId(id, "id");
            parents = Body.checkedParents(Fields.present(parents, "parents"));
            datanets = Body.checkedVersions(Fields.present(datanets, "datanets"));
        }
    }

    private static List<Parent> checkedParents(List<Parent> parents) {
        var checked = Fields.list(parents, "parents");
        if (checked.stream().map(Parent::model).distinct().count() != checked.size()) {
            throw new IllegalArgumentException("parents name the same model twice");
        }
        return checked;
    }

    private static List<String> checkedVersions(List<String> versions) {
        var checked = Fields.list(versions, "datanets");
        checked.forEach(VersionRef::parse);
        return checked;
    }

    /** An agent built on models, with its price per call in micro-units. */
    record AgentRegister(String id, List<String> models, Long price) implements Body {
        public AgentRegister {
            Fields.assetId(id, "id");
            models = Fields.list(Fields.present(models, "models"), "models");
            if (models.isEmpty()) {
                throw new IllegalArgumentException("models must name at least one model");
            }
            models.forEach(model -> Fields.assetId(model, "models"));
            Fields.nonNegative(price, "price");
        }
    }

    /** Moves shares of an asset, named {@code datanet/<id>}, {@code model/<id>} or {@code agent/<id>}. */
    record ShareTransfer(String asset, String to, Long amount) implements Body {
        public ShareTransfer {
            AssetRef.parse(Fields.present(asset, "asset"));
            Fields.account(to, "to");
            Fields.positive(amount, "amount");
        }
    }
}
