package io.tributary.core.state;

import static io.tributary.core.state.Rules.require;

import io.tributary.core.state.Values.Agent;
import io.tributary.core.state.Values.Model;
import io.tributary.core.tx.AssetRef;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.VersionRef;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Models with their lineage, and agents built on models. */
final class Models {

    /** Bound on the ancestors visited when checking a lineage for cycles. */
    static final int LINEAGE_MODELS_MAX = 10_000;

    private Models() {}

    /**
     * Registers a new model. Its lineage needs no walk for cycles: every model's parents existed when they were named,
     * so no model can have this new one as an ancestor (walking every ancestor cost each registration time in
     * proportion to the depth of its lineage).
     */
    static void register(Changes changes, String signer, Body.ModelRegister register) {
        Assets.issue(changes, new AssetRef(AssetRef.Kind.MODEL, register.id()), signer);
        requireLineage(changes, register.id(), register.parents(), register.datanets());
        changes.put(Keys.model(register.id()), new Model(signer, register.artifact(), register.parents(),
                register.datanets(), Objects.requireNonNullElse(register.control(), Body.Control.OWNER)));
    }

    static void update(Changes changes, String signer, Body.ModelUpdate update) {
        var model = model(changes, update.id());
        Assets.requireControl(changes, new AssetRef(AssetRef.Kind.MODEL, update.id()), model.owner(),
                model.control(), signer);
        requireLineage(changes, update.id(), update.parents(), update.datanets());
        requireAcyclic(changes, update.id(), update.parents());
        changes.put(Keys.model(update.id()),
                new Model(model.owner(), model.artifact(), update.parents(), update.datanets(), model.control()));
    }

    static void agent(Changes changes, String signer, Body.AgentRegister register) {
        Assets.issue(changes, new AssetRef(AssetRef.Kind.AGENT, register.id()), signer);
        register.models().forEach(model -> model(changes, model));
        changes.put(Keys.agent(register.id()), new Agent(signer, register.models(), register.price()));
    }

    private static void requireLineage(Changes changes, String id, List<Body.Parent> parents, List<String> datanets) {
        for (var version : datanets) {
            var ref = VersionRef.parse(version);
            require(changes.get(Keys.version(ref.datanet(), ref.version())) != null, Reason.UNKNOWN_REFERENCE,
                    "no datanet version %s", ref);
        }
        for (var parent : parents) {
            require(!parent.model().equals(id), Reason.LINEAGE_CYCLE, "model %s cannot be its own parent", id);
            model(changes, parent.model());
        }
    }

    /** Walks the ancestors iteratively (no recursion on user input) and rejects a path back to {@code id}. */
    private static void requireAcyclic(StateReader state, String id, List<Body.Parent> parents) {
        var pending = new ArrayDeque<String>();
        parents.forEach(parent -> pending.push(parent.model()));
        var seen = new HashSet<String>();
        while (!pending.isEmpty()) {
            var current = pending.pop();
            require(!current.equals(id), Reason.LINEAGE_CYCLE, "model %s would become its own ancestor", id);
            if (seen.add(current)) {
                require(seen.size() <= LINEAGE_MODELS_MAX, Reason.LINEAGE_CYCLE,
                        "lineage of %s has more than %d models", id, LINEAGE_MODELS_MAX);
                model(state, current).parents().forEach(parent -> pending.push(parent.model()));
            }
        }
    }

    static Model model(StateReader state, String id) {
        var model = state.get(Keys.model(id), Model.class);
        require(model != null, Reason.UNKNOWN_REFERENCE, "no model %s", id);
        return model;
    }
}
