package io.tributary.node.cli;

import io.tributary.core.crypto.AccountId;
import io.tributary.core.state.Keys;
import io.tributary.core.state.StateCodec;
import io.tributary.core.state.Values;
import io.tributary.node.ledger.Ledger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "account", description = "Print {\"account\", \"balance\", \"nonce\", \"shares\"} of an account.")
final class AccountCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(paramLabel = "ID", description = "The account id, acct_...")
    String id;

    @Override
    public Integer call() throws Exception {
        var account = new AccountId(id).value();
        try (var ledger = Ledger.openForReading(data.dir)) {
            var store = ledger.store();
            var key = Keys.account(account);
            var value = store.stateValue(key).map(json -> (Values.Account) StateCodec.decode(key, json))
                    .orElse(Values.Account.EMPTY);
            var shares = Output.object();
            store.forEachStateWithPrefix(Keys.SHARES, (shareKey, count) -> {
                if (shareKey.endsWith("/" + account)) {
                    var asset = shareKey.substring(Keys.SHARES.length(), shareKey.length() - account.length() - 1);
                    shares.put(asset, Long.parseLong(count));
                }
            });
            var out = Output.object().put("account", account).put("balance", value.balance()).put("nonce",
                    value.nonce());
            out.set("shares", shares);
            System.out.println(Output.line(out));
        }
        return 0;
    }
}
