package io.tributary.node.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by commands that work on a ledger. */
final class DataOption {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data directory.")
    Path dir;
}
