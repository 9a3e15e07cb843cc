package io.tributary.node.ledger;

import io.tributary.core.state.Keys;
import io.tributary.core.state.Values;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.TxCodec;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The child process of {@link CrashTest}: appends transfers among the funded test keys as fast as it can and prints
 * {@code acked <id>} for each, only once durable, until it is killed.
 */
public final class CrashChild {

    static final int KEYS = 8;

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        var random = new SplittableRandom(Long.parseLong(args[1]));
        var out = System.out;
        try (var ledger = Ledger.openForWriting(dir); var sequencer = new Sequencer(ledger, 2)) {
            var nonces = new long[KEYS];
            for (int i = 0; i < KEYS; i++) {
                var account = ledger.state().get(Keys.account(TestLedgers.key(i).account().value()), Values.Account.class);
                nonces[i] = account.nonce();
            }
            out.println("ready");
            out.flush();
            while (true) {
                int from = random.nextInt(KEYS);
                var tx = TxCodec.sign(TestLedgers.key(from),
                        new Body.Transfer(TestLedgers.key(random.nextInt(KEYS)).account().value(), 1L + random.nextInt(100)),
                        ++nonces[from], System.currentTimeMillis());
                sequencer.submit(tx).thenAccept(result -> {
                    if (result instanceof Result.Accepted accepted) {
                        synchronized (out) {
                            out.println("acked " + accepted.id());
                            out.flush();
                        }
                    } else {
                        synchronized (out) {
                            out.println("rejected " + result);
                            out.flush();
                        }
                    }
                });
            }
        }
    }
}
