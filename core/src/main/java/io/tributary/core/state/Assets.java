package io.tributary.core.state;

import static io.tributary.core.state.Rules.require;

import io.tributary.core.split.LargestRemainder;
import io.tributary.core.tx.AssetRef;
import io.tributary.core.tx.Body.Control;
import java.util.ArrayList;

/** Ownership of datanets, models and agents: shares, control, and income passed to shareholders. */
final class Assets {

    /** Shares minted to the owner when an asset is registered (DESIGN §4). */
    static final long SHARES_ISSUED = 1_000_000;

    private Assets() {}

    static boolean exists(StateReader state, AssetRef asset) {
        return state.get(key(asset)) != null;
    }

    static String key(AssetRef asset) {
        return switch (asset.kind()) {
            case DATANET -> Keys.datanet(asset.id());
            case MODEL -> Keys.model(asset.id());
            case AGENT -> Keys.agent(asset.id());
        };
    }

    static long shares(StateReader state, AssetRef asset, String account) {
        var held = state.get(Keys.shares(asset, account), Long.class);
        return held == null ? 0 : held;
    }

    /** Zero holdings are deleted, so the holders of an asset are exactly its keys. */
    static void setShares(Changes changes, AssetRef asset, String account, long count) {
        if (count == 0) {
            changes.delete(Keys.shares(asset, account));
        } else {
            changes.put(Keys.shares(asset, account), count);
        }
    }

    static void issue(Changes changes, AssetRef asset, String owner) {
        require(!exists(changes, asset), Reason.ALREADY_EXISTS, "%s is already registered", asset);
        setShares(changes, asset, owner, SHARES_ISSUED);
    }

    /** The owner controls an asset; under majority control, so does any holder of more than half its shares. */
    static void requireControl(Changes changes, AssetRef asset, String owner, Control control, String signer) {
        boolean controls = owner.equals(signer)
                || (control == Control.MAJORITY && 2 * shares(changes, asset, signer) > SHARES_ISSUED);
        require(controls, Reason.UNAUTHORIZED, "%s does not control %s", signer, asset);
    }

    /** Credits {@code amount} to the holders of {@code asset} pro rata, split by largest remainder. */
    static void payHolders(Changes changes, AssetRef asset, long amount) {
        var holders = new ArrayList<String>();
        var counts = new ArrayList<Long>();
        changes.scan(Keys.holders(asset)).forEach((key, count) -> {
            holders.add(key.substring(key.lastIndexOf('/') + 1));
            counts.add((Long) count);
        });
        var parts = LargestRemainder.split(amount, counts.stream().mapToLong(Long::longValue).toArray());
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                Rules.credit(changes, holders.get(i), parts[i]);
            }
        }
    }
}
