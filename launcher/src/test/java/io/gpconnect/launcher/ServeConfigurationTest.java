package io.gpconnect.launcher;

import io.gpconnect.kafka.embedded.LocalBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** `serve` and `process` settings: flags, then the environment, then defaults; bad ones stop the start with one line and exit code 2. */
class ServeConfigurationTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void withoutFlagsOrEnvironmentServeKeepsItsDefaults() {
        Engine.Options o = serveOptions(Map.of(), "--data-dir", dir.toString());
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.commitIntervalMs()).isEqualTo(20);
        assertThat(o.decisionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.servedOds()).as("null: the demo practice, seeded").isNull();
        assertThat(o.bootstrapServers()).isNull();
        assertThat(o.registryUrl()).isNull();
        assertThat(o.brokerPlacement()).as("the embedded broker in the engine's JVM").isEqualTo(LocalBroker.Placement.IN_PROCESS);
    }

    @Test
    void theEmbeddedBrokerRunsInItsOwnProcessWhenAskedByFlagOrEnvironment() {
        assertThat(serveOptions(Map.of(), "--embedded-broker", "process", "--data-dir", dir.toString()).brokerPlacement())
                .isEqualTo(LocalBroker.Placement.PROCESS);
        assertThat(serveOptions(Map.of("GPCONNECT_EMBEDDED_BROKER", "process"), "--data-dir", dir.toString()).brokerPlacement())
                .isEqualTo(LocalBroker.Placement.PROCESS);
        assertThat(serveOptions(Map.of("GPCONNECT_EMBEDDED_BROKER", "process"), "--embedded-broker", "in-process", "--data-dir", dir.toString())
                .brokerPlacement()).isEqualTo(LocalBroker.Placement.IN_PROCESS);
    }

    @Test
    void theEnvironmentConfiguresServe() {
        Engine.Options o = serveOptions(Map.of(
                "GPCONNECT_PORT", "9091", "GPCONNECT_HOST", "0.0.0.0", "GPCONNECT_DATA_DIR", dir.resolve("env").toString(),
                "GPCONNECT_COMMIT_INTERVAL_MS", "50", "GPCONNECT_DECISION_TIMEOUT_MS", "2500", "GPCONNECT_ODS", "A20047,B82617",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092", "APICURIO_REGISTRY_URL", "http://registry:8080/apis/registry/v3"));
        assertThat(o.port()).isEqualTo(9091);
        assertThat(o.host()).isEqualTo("0.0.0.0");
        assertThat(o.dataDir()).isEqualTo(dir.resolve("env"));
        assertThat(o.commitIntervalMs()).isEqualTo(50);
        assertThat(o.decisionTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.servedOds()).isEqualTo(Set.of("A20047", "B82617"));
        assertThat(o.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(o.registryUrl()).isEqualTo("http://registry:8080/apis/registry/v3");
    }

    @Test
    void aFlagWinsOverTheEnvironment() {
        Engine.Options o = serveOptions(Map.of("GPCONNECT_PORT", "9091", "GPCONNECT_ODS", "B82617"),
                "--port", "9092", "--ods", "C81001", "--data-dir", dir.toString());
        assertThat(o.port()).isEqualTo(9092);
        assertThat(o.servedOds()).isEqualTo(Set.of("C81001"));
    }

    @Test
    void badSettingsStopServeWithOneLineAndExitCode2() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        assertRefused(Map.of(), "--port 70000 is out of range", "serve", "--port", "70000", "--data-dir", dir.toString());
        assertRefused(Map.of("GPCONNECT_PORT", "-3"), "--port -3 is out of range", "serve", "--data-dir", dir.toString());
        assertRefused(Map.of(), "--ods 'a20047' is not an ODS code", "serve", "--ods", "a20047", "--data-dir", dir.toString());
        assertRefused(Map.of(), "--commit-interval-ms must be greater than 0, not 0", "serve", "--commit-interval-ms", "0", "--data-dir", dir.toString());
        assertRefused(Map.of("GPCONNECT_DECISION_TIMEOUT_MS", "0"), "--decision-timeout-ms must be greater than 0", "serve", "--data-dir", dir.toString());
        assertRefused(Map.of(), "--data-dir " + file.resolve("data") + " cannot be created", "serve", "--data-dir", file.resolve("data").toString());
        assertRefused(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1;kafka-2"), "--bootstrap-servers 'kafka-1;kafka-2' is malformed",
                "serve", "--data-dir", dir.toString());
        assertRefused(Map.of(), "--registry-url 'registry:8080' is not an http(s) URL", "serve", "--registry-url", "registry:8080",
                "--data-dir", dir.toString());
        assertRefused(Map.of("GPCONNECT_PORT", "eighty"), "'eighty' is not an int", "serve", "--data-dir", dir.toString());
        assertRefused(Map.of(), "--embedded-broker is process or in-process, not docker", "serve", "--embedded-broker", "docker",
                "--data-dir", dir.toString());
        assertRefused(Map.of(), "--processing-guarantee is exactly_once_v2 or at_least_once, not exactly_once", "serve",
                "--processing-guarantee", "exactly_once", "--data-dir", dir.toString());
        assertRefused(Map.of(), "--synthetic-*: Synthetic scale out of range: -1 practices", "serve", "--synthetic-practices", "-1",
                "--data-dir", dir.toString());
        assertRefused(Map.of(), "--synthetic-*: At most 96 slots a day", "serve", "--synthetic-practices", "2", "--synthetic-slots-per-day", "200",
                "--data-dir", dir.toString());
    }

    @Test
    void processTakesItsKafkaFromTheEnvironmentAndChecksIt() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092", "APICURIO_REGISTRY_URL", "http://registry:8080/apis/registry/v3",
                "GPCONNECT_COMMIT_INTERVAL_MS", "40", "GPCONNECT_DATA_DIR", dir.toString());
        CommandLine cli = GpConnectCli.commandLine(env);
        GpConnectCli.Process process = cli.parseArgs("process").subcommand().commandSpec().commandLine().getCommand();
        var settings = process.settings();
        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092");
        assertThat(settings.commitIntervalMs()).isEqualTo(40);
        assertThat(settings.stateDir()).isEqualTo(dir);

        assertRefused(Map.of(), "Missing required options", "process");
        assertRefused(env, "--commit-interval-ms must be greater than 0, not -1", "process", "--commit-interval-ms", "-1");
        assertRefused(env, "--registry-url 'nonsense' is not an http(s) URL", "process", "--registry-url", "nonsense");
    }

    private Engine.Options serveOptions(Map<String, String> env, String... args) {
        CommandLine cli = GpConnectCli.commandLine(env);
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        GpConnectCli.Serve serve = cli.parseArgs(all).subcommand().commandSpec().commandLine().getCommand();
        return serve.options();
    }

    /** Both used to be found only once the broker had started, and ended in a page of stack traces. */
    @Test
    void aDataDirInUseOrAPortInUseIsRefusedBeforeAnythingStarts() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertRefused(Map.of(), "--port " + taken.getLocalPort() + " is in use on 127.0.0.1", "serve", "--port",
                    String.valueOf(taken.getLocalPort()), "--data-dir", dir.resolve("free-port-check").toString());
        }
        assertThat(dir.resolve("free-port-check").resolve("kafka")).as("no broker was started").doesNotExist();

        Path shared = dir.resolve("shared");
        Files.createDirectories(shared);
        try (var held = ServeLock.acquire("--data-dir", shared)) {
            assertThat(Files.readString(shared.resolve(ServeLock.FILE))).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
            assertRefused(Map.of(), "--data-dir " + shared + " is in use by another ./gpconnect serve (pid " + ProcessHandle.current().pid() + ")",
                    "serve", "--port", "0", "--data-dir", shared.toString());
        }
        assertThat(shared.resolve("kafka")).as("no broker was started").doesNotExist();
        ServeLock.acquire("--data-dir", shared).close(); // released with its holder
    }

    /** The case that matters: the serve holding the directory is another process, and its lock goes with it. */
    @Test
    void aDataDirLockedByAnotherProcessIsRefusedUntilThatProcessEnds() throws Exception {
        Path shared = dir.resolve("other-process");
        Files.createDirectories(shared);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServeLockHolder.class.getName(), shared.toString())
                .redirectErrorStream(true).start();
        try {
            var output = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()));
            assertThat(output.readLine()).isEqualTo("held");
            assertRefused(Map.of(), "--data-dir " + shared + " is in use by another ./gpconnect serve (pid " + holder.pid() + ")",
                    "serve", "--port", "0", "--data-dir", shared.toString());
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        ServeLock.acquire("--data-dir", shared).close();
    }

    private void assertRefused(Map<String, String> env, String message, String... args) {
        StringWriter captured = new StringWriter();
        CommandLine cli = GpConnectCli.commandLine(env);
        cli.setErr(new PrintWriter(captured));
        cli.getSubcommands().values().forEach(c -> c.setErr(new PrintWriter(captured)));
        int exit = cli.execute(args);
        String output = captured.toString();
        assertThat(exit).as(output).isEqualTo(2);
        assertThat(output).contains(message);
        assertThat(output.strip().lines()).as("one line: " + output).hasSize(1);
        assertThat(output).startsWith("gpconnect " + args[0] + ": ");
    }
}
