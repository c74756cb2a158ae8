package io.gpconnect.launcher.deploy;

import io.gpconnect.launcher.Engine;
import io.gpconnect.launcher.GpConnectCli;
import io.gpconnect.topics.Topic;
import io.gpconnect.topics.Topics;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is the production-like deployment, and no Docker engine runs where the tests do: this
 * checks that what it says agrees with the code (topic catalogue, CLI options, env variables) and with the
 * documented settings of Kafka KRaft and Apicurio Registry 3.
 */
class ComposeFileTest {
    private static final Path ROOT = projectRoot();
    private static final ComposeFile COMPOSE = ComposeFile.read(ROOT.resolve("docker-compose.yml"));
    private static final ComposeFile.Service SERVICE = COMPOSE.service("gpconnect");
    private static final ComposeFile.Service REGISTRY = COMPOSE.service("registry");

    /**
     * Apicurio 3.1 variables this file may set, each checked against the registry's sources (names map to
     * apicurio.* properties). A name outside the list is more likely a 2.x leftover or a typo than a setting.
     */
    private static final Set<String> APICURIO_3_VARIABLES = Set.of(
            "APICURIO_STORAGE_KIND", "APICURIO_STORAGE_SQL_KIND",
            "APICURIO_KAFKASQL_BOOTSTRAP_SERVERS", "APICURIO_KAFKASQL_TOPIC", "APICURIO_KAFKASQL_TOPIC_AUTO_CREATE",
            "APICURIO_DATASOURCE_URL", "APICURIO_DATASOURCE_USERNAME", "APICURIO_DATASOURCE_PASSWORD",
            "APICURIO_RULES_GLOBAL_COMPATIBILITY", "APICURIO_RULES_GLOBAL_VALIDITY", "APICURIO_RULES_GLOBAL_INTEGRITY",
            "JAVA_OPTS_APPEND");

    @Test
    void threeKafkaNodesFormOneKraftQuorumWithoutZooKeeper() {
        List<ComposeFile.Service> nodes = kafkaNodes();
        assertThat(nodes).hasSize(3);

        Set<String> voters = new TreeSet<>();
        for (ComposeFile.Service node : nodes) {
            Map<String, String> env = node.environment();
            assertThat(env.get("KAFKA_PROCESS_ROLES")).as(node.name()).contains("broker", "controller");
            assertThat(env).as(node.name()).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
            assertThat(env.get("KAFKA_LISTENERS")).as(node.name()).contains("CONTROLLER://");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as(node.name()).contains("//" + node.name() + ":");
            voters.add(env.get("KAFKA_NODE_ID") + "@" + node.name() + ":9093");
        }
        for (ComposeFile.Service node : nodes) {
            assertThat(new TreeSet<>(List.of(node.environment().get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))))
                    .as("every node votes with every node, under its own id and name").isEqualTo(voters);
        }
        assertThat(nodes.stream().map(n -> n.environment().get("CLUSTER_ID")).distinct()).as("one cluster").hasSize(1);
    }

    @Test
    void theClusterIdIsOneKraftCanFormatStorageWith() {
        String clusterId = kafkaNodes().get(0).environment().get("CLUSTER_ID");

        Uuid parsed = Uuid.fromString(clusterId);

        assertThat(parsed.toString()).isEqualTo(clusterId);
    }

    @Test
    void theClusterKeepsThreeCopiesRefusesWritesWithFewerThanTwoAndCreatesNoTopicByAccident() {
        for (ComposeFile.Service node : kafkaNodes()) {
            assertThat(node.environment()).as(node.name()).contains(
                    Map.entry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3"),
                    Map.entry("KAFKA_MIN_INSYNC_REPLICAS", "2"),
                    Map.entry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false"),
                    Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3"),
                    Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3"),
                    Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2"));
        }
    }

    @Test
    void eachKafkaNodeKeepsItsLogOnItsOwnNamedVolume() {
        Set<String> sources = new HashSet<>();
        for (ComposeFile.Service node : kafkaNodes()) {
            String logDir = node.environment().get("KAFKA_LOG_DIRS");
            assertThat(logDir).as(node.name() + " sets its log dir (the image's default is under /tmp)").isNotBlank();
            assertThat(node.volumes()).as(node.name()).containsValue(logDir);
            node.volumes().forEach((source, target) -> {
                if (target.equals(logDir)) {
                    sources.add(source);
                }
            });
        }
        assertThat(sources).hasSize(3);
        assertThat(COMPOSE.declaredVolumes()).containsAll(sources);
    }

    @Test
    void theInitStepCreatesEveryCatalogueTopicWithTheEnginesPartitionCount() {
        ComposeFile.Service init = COMPOSE.service("kafka-init");
        List<TopicCreation> created = TopicCreation.in(String.join("\n", init.command()));
        Map<String, TopicCreation> byName = created.stream().collect(Collectors.toMap(TopicCreation::topic, t -> t));
        int enginePartitions = Engine.Options.defaults(Path.of("unused")).partitions();

        assertThat(byName.keySet()).isEqualTo(Topics.all().stream().map(Topic::name).collect(Collectors.toSet()));
        for (Topic topic : Topics.all()) {
            TopicCreation t = byName.get(topic.name());
            assertThat(t.partitions()).as(topic.name() + ": co-partitioned with the engine's topics").isEqualTo(enginePartitions);
            assertThat(t.replicationFactor()).as(topic.name()).isEqualTo(3);
            assertThat(t.config()).as(topic.name()).containsEntry("min.insync.replicas", "2");
            assertThat(t.config()).as(topic.name() + " keeps the catalogue's retention and cleanup")
                    .containsEntry("retention.ms", topic.config().get("retention.ms"))
                    .containsEntry("cleanup.policy", topic.config().get("cleanup.policy"));
        }
        assertThat(init.dependsOn()).as("waits for every broker")
                .containsAllEntriesOf(kafkaNodes().stream().collect(Collectors.toMap(ComposeFile.Service::name, n -> "service_healthy")));
        assertThat(init.restart()).as("runs once").isEqualTo("no");
    }

    @Test
    void theRegistryIsApicurio3KeepingSchemasInKafka() {
        assertThat(REGISTRY.image()).matches("apicurio/apicurio-registry:3\\.\\d+\\.\\d+");
        Map<String, String> env = REGISTRY.environment();
        assertThat(APICURIO_3_VARIABLES).as("Apicurio 3 variable names").containsAll(env.keySet());
        assertThat(env.get("APICURIO_STORAGE_KIND")).as("persistent storage, not the in-memory default").isIn("kafkasql", "sql");
        if (env.get("APICURIO_STORAGE_KIND").equals("kafkasql")) {
            assertThat(Set.of(env.get("APICURIO_KAFKASQL_BOOTSTRAP_SERVERS").split(","))).isEqualTo(advertisedBrokers());
        } else {
            assertThat(env).containsKey("APICURIO_DATASOURCE_URL");
        }
        assertThat(env.get("APICURIO_RULES_GLOBAL_COMPATIBILITY")).as("what the embedded registry enforces too").isEqualTo("BACKWARD");
        assertThat(REGISTRY.healthcheck()).contains("/health/ready");
    }

    @Test
    void theServiceIsBuiltFromTheDockerfileAndKeepsItsStateOnAVolume() throws IOException {
        assertThat(SERVICE.build()).as("built from this repository").isIn(".", Map.of("context", "."),
                Map.of("context", ".", "dockerfile", "Dockerfile"));
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String dataDir = serveOption("--data-dir");

        assertThat(SERVICE.volumes()).as("the state dir survives a new container").containsValue(dataDir);
        String stateVolume = SERVICE.volumes().entrySet().stream().filter(e -> e.getValue().equals(dataDir))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(COMPOSE.declaredVolumes()).contains(stateVolume);
        assertThat(dockerfile).contains("VOLUME " + dataDir, "EXPOSE " + serveOption("--port"),
                GpConnectCli.class.getName());
    }

    @Test
    void theServiceHealthcheckAsksTheReadinessEndpointOnItsOwnPort() {
        String port = serveOption("--port");

        assertThat(SERVICE.healthcheck()).contains(":" + port + "/health/ready");
        assertThat(SERVICE.containerPorts()).contains(Integer.parseInt(port));
    }

    @Test
    void theServiceIsConfiguredOnlyThroughVariablesItReads() {
        Set<String> read = new HashSet<>(variablesReadBy(serveCommandName()));
        read.add("JAVA_OPTS"); // read by the Dockerfile's entrypoint
        Map<String, String> env = SERVICE.environment();

        assertThat(read).containsAll(env.keySet());
        assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "APICURIO_REGISTRY_URL");
        assertThat(Set.of(env.get("KAFKA_BOOTSTRAP_SERVERS").split(","))).isEqualTo(advertisedBrokers());

        URI registry = URI.create(env.get("APICURIO_REGISTRY_URL"));
        assertThat(registry.getHost()).isEqualTo(REGISTRY.name());
        assertThat(REGISTRY.containerPorts()).contains(registry.getPort());
        assertThat(registry.getPath()).as("the v3 API the serdes speak").isEqualTo("/apis/registry/v3");
    }

    @Test
    void everyDependencyExistsAndItsConditionCanBeMet() {
        for (ComposeFile.Service s : COMPOSE.services()) {
            s.dependsOn().forEach((target, condition) -> {
                assertThat(COMPOSE.serviceNames()).as(s.name() + " depends on " + target).contains(target);
                ComposeFile.Service t = COMPOSE.service(target);
                switch (condition) {
                    case "service_healthy" -> assertThat(t.healthcheck()).as(target + " has a healthcheck").isNotNull();
                    case "service_completed_successfully" -> assertThat(t.restart()).as(target + " is one-shot").isEqualTo("no");
                    default -> assertThat(condition).isEqualTo("service_started");
                }
            });
        }
    }

    @Test
    void everyNamedVolumeIsDeclared() {
        for (ComposeFile.Service s : COMPOSE.services()) {
            s.volumes().keySet().stream()
                    .filter(source -> !source.startsWith(".") && !source.startsWith("/"))
                    .forEach(source -> assertThat(COMPOSE.declaredVolumes()).as(s.name()).contains(source));
        }
    }

    private static List<ComposeFile.Service> kafkaNodes() {
        return COMPOSE.services().stream()
                .filter(s -> s.image() != null && s.image().startsWith("apache/kafka"))
                .filter(s -> s.environment().containsKey("KAFKA_NODE_ID"))
                .toList();
    }

    private static Set<String> advertisedBrokers() {
        return kafkaNodes().stream()
                .map(n -> n.environment().get("KAFKA_ADVERTISED_LISTENERS").replaceFirst("^PLAINTEXT://", ""))
                .collect(Collectors.toSet());
    }

    private static String serveCommandName() {
        return SERVICE.command().get(0);
    }

    /** The service's command parsed by the real CLI: an option it does not have fails here. */
    private static String serveOption(String name) {
        CommandLine cli = new CommandLine(new GpConnectCli());
        ParseResult sub = cli.parseArgs(SERVICE.command().toArray(String[]::new)).subcommand();
        assertThat(sub).as("the service's command names a subcommand").isNotNull();
        Object value = sub.matchedOptionValue(name, null);
        return value != null ? String.valueOf(value) : sub.commandSpec().findOption(name).defaultValue();
    }

    /** Environment variables a subcommand reads, from its options' ${env:NAME} defaults. */
    private static Set<String> variablesReadBy(String subcommand) {
        // Uninterpolated, so defaults read "${env:NAME}" rather than whatever this machine's environment holds.
        CommandLine sub = new CommandLine(new GpConnectCli()).setInterpolateVariables(false).getSubcommands().get(subcommand);
        Pattern env = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
        Set<String> names = new HashSet<>();
        for (OptionSpec option : sub.getCommandSpec().options()) {
            String standIn = io.gpconnect.launcher.config.EnvironmentDefaults.VARIABLES.get(option.longestName());
            if (standIn != null) {
                names.add(standIn);
            }
            if (option.defaultValue() != null) {
                Matcher m = env.matcher(option.defaultValue());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
