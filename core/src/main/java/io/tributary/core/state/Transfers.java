package io.tributary.core.state;

import static io.tributary.core.state.Rules.require;

import io.tributary.core.tx.AssetRef;
import io.tributary.core.tx.Body;

/** Transfers of micro-units between accounts and of shares between holders. */
final class Transfers {

    private Transfers() {}

    static void transfer(Changes changes, String signer, Body.Transfer transfer) {
        Rules.debit(changes, signer, transfer.amount());
        Rules.credit(changes, transfer.to(), transfer.amount());
    }

    static void shares(Changes changes, String signer, Body.ShareTransfer transfer) {
        var asset = AssetRef.parse(transfer.asset());
        require(Assets.exists(changes, asset), Reason.UNKNOWN_REFERENCE, "no asset %s", asset);
        long held = Assets.shares(changes, asset, signer);
        require(held >= transfer.amount(), Reason.INSUFFICIENT_SHARES,
                "%s holds %d shares of %s, needs %d", signer, held, asset, transfer.amount());
        Assets.setShares(changes, asset, signer, held - transfer.amount());
        long received = Assets.shares(changes, asset, transfer.to());
        Assets.setShares(changes, asset, transfer.to(), Rules.add(received, transfer.amount(), "a shareholding"));
    }
}
