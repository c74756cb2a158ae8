package io.gpconnect.launcher.config;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Usage errors as one line naming the command, instead of picocli's message followed by the whole help text:
 * in a container log the help would bury the one line that matters. Exit code 2, as picocli's own.
 */
public final class OneLineErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage() + " (see " + name + " --help)");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
