package io.gpconnect.launcher.config;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.function.Supplier;

/** Runs a command's setting checks so that a failure is reported as a usage error of that command (exit code 2). */
public final class UsageErrors {
    private UsageErrors() {
    }

    public static <T> T checked(CommandSpec command, Supplier<T> settings) {
        try {
            return settings.get();
        } catch (InvalidSettingException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }
}
