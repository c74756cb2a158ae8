package io.gpconnect.launcher.config;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Usage errors as one line naming the command, instead of picocli's message followed by the whole help text:
 * in a container log the help would bury the one line that matters. Exit code 2, as picocli's own.
 */
public final class OneLineErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage() + " (see " + name + " --help)");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Settings checked when a command runs (a data directory, say) are usage errors too, whatever picocli's timing;
     * an operation that failed for a reason outside it is one line and exit code 1. Anything else is a bug, and
     * keeps its stack trace.
     */
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof CommandLine.ParameterException usage) {
            return handleParseException(usage, parsed.originalArgs().toArray(String[]::new));
        }
        if (e instanceof OperationFailedException failed) {
            PrintWriter err = cmd.getErr();
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + failed.getMessage());
            err.flush();
            return cmd.getCommandSpec().exitCodeOnExecutionException();
        }
        throw e;
    }
}
