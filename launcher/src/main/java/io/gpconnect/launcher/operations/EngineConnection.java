package io.gpconnect.launcher.operations;

import io.gpconnect.launcher.config.SettingChecks;
import io.gpconnect.launcher.config.UsageErrors;
import io.gpconnect.launcher.config.InvalidSettingException;
import io.gpconnect.topics.EngineSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How an operations command reaches the engine's Kafka and schema registry: named by flags or the environment,
 * or else those of the {@code serve} running on {@code --data-dir} (its {@link EngineAddress}).
 */
public final class EngineConnection {
    /** How long an operations command waits for Kafka before saying it is out of reach (the client's own is a minute). */
    public static final Duration KAFKA_PATIENCE = Duration.ofSeconds(10);

    /** What an operations command says when Kafka did not answer within {@link #KAFKA_PATIENCE}. */
    public static String noAnswer(String bootstrapServers) {
        return "no answer from Kafka at " + bootstrapServers + " within " + KAFKA_PATIENCE.toSeconds() + " s";
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--bootstrap-servers",
            description = "The engine's Kafka, host:port[,host:port…] (env KAFKA_BOOTSTRAP_SERVERS); default: the broker of the serve running on --data-dir")
    String bootstrapServers;

    @Option(names = "--registry-url",
            description = "The engine's schema registry (env APICURIO_REGISTRY_URL); default: the registry of the serve running on --data-dir")
    String registryUrl;

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Data directory of the running serve, whose engine.properties names its Kafka and registry (default ./${DEFAULT-VALUE}; env GPCONNECT_DATA_DIR)")
    Path dataDir;

    /** Settings for clients of the engine's topics; {@code needsRegistry} when values are (de)serialised. */
    public EngineSettings settings(boolean needsRegistry) {
        return UsageErrors.checked(command, () -> {
            Optional<EngineAddress> running = EngineAddress.read(dataDir);
            String bootstrap = bootstrapServers != null ? SettingChecks.bootstrapServers("--bootstrap-servers", bootstrapServers)
                    : running.map(EngineAddress::bootstrapServers).orElseThrow(() -> new InvalidSettingException(
                            "no running ./gpconnect serve found on data dir " + dataDir + " (no " + EngineAddress.FILE
                                    + "): start one, or pass --bootstrap-servers and --registry-url"));
            String registry = registryUrl != null ? SettingChecks.httpUrl("--registry-url", registryUrl)
                    : running.filter(r -> r.bootstrapServers().equals(bootstrap)).map(EngineAddress::registryUrl).orElse(null);
            if (registry == null && needsRegistry) {
                throw new InvalidSettingException("--registry-url is needed with --bootstrap-servers " + bootstrap);
            }
            return new EngineSettings(bootstrap, registry, dataDir, (short) 1, 6, 20, null);
        });
    }
}
