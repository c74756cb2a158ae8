package io.gpconnect.launcher.config;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * Option defaults from the environment, so a container is configured without flags. A flag always wins; an
 * unset or blank variable leaves the option's own default. The environment is passed in rather than read
 * here so that tests can give one.
 */
public final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    /** Which variable stands in for which option, in every command that has the option. */
    public static final Map<String, String> VARIABLES = Map.of(
            "--bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS",
            "--registry-url", "APICURIO_REGISTRY_URL",
            "--port", "GPCONNECT_PORT",
            "--host", "GPCONNECT_HOST",
            "--data-dir", "GPCONNECT_DATA_DIR",
            "--embedded-broker", "GPCONNECT_EMBEDDED_BROKER",
            "--commit-interval-ms", "GPCONNECT_COMMIT_INTERVAL_MS",
            "--ods", "GPCONNECT_ODS",
            "--decision-timeout-ms", "GPCONNECT_DECISION_TIMEOUT_MS");

    private final Map<String, String> environment;

    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        String value = variable == null ? null : environment.get(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
