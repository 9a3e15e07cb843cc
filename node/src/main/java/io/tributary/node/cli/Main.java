package io.tributary.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command line: one subcommand per operation. */
@Command(
        name = "tributary",
        mixinStandardHelpOptions = true,
        version = "tributary 0.1.0",
        description = "Record, attribute and pay for contributions to AI.",
        subcommands = {
            KeygenCommand.class,
            InitCommand.class,
            SignCommand.class,
            SubmitCommand.class,
            ContributeCommand.class,
            AccountCommand.class,
            VerifyCommand.class,
            CheckpointCommand.class,
            PubkeyCommand.class,
            ProofCommand.class,
            EntryCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            IndexCommand.class,
            TraceCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        var commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }
}
