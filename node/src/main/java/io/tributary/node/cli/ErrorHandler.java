package io.tributary.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception escaping a command into one clear line on standard error and exit code 2. */
final class ErrorHandler implements IExecutionExceptionHandler {

    static final int EXIT_ERROR = 2;

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        var message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
        commandLine.getErr().println("error: " + message);
        if (System.getenv("TRIBUTARY_DEBUG") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        return EXIT_ERROR;
    }
}
