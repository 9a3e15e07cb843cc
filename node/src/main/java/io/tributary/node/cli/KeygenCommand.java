package io.tributary.node.cli;

import io.tributary.core.crypto.Bytes;
import io.tributary.core.crypto.SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", description = "Write a new Ed25519 key as a PKCS#8 PEM file (mode 0600); print its account.")
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the key; must not exist.")
    Path out;

    @Override
    public Integer call() throws Exception {
        var key = SigningKey.generate(new SecureRandom());
        key.write(out);
        System.out.println(Output.line(Output.object()
                .put("account", key.account().value())
                .put("public_key", Bytes.base64url(key.publicKey()))));
        return 0;
    }
}
