package io.tributary.node.cli;

import io.tributary.node.demo.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Run the whole story on a fresh ledger in a new directory and verify it.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "A new directory for the demo (default: a fresh one under the system's temporary directory).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        var root = dir != null ? dir : Files.createTempDirectory("tributary-demo-");
        if (dir != null && Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " already exists; the demo needs a new directory");
        }
        Demo.run(root, System.out);
        return 0;
    }
}
