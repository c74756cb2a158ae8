package io.gpconnect.kafka.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerProcessTest {

    @TempDir
    Path dir;

    @Test
    void theBrokerRunsInAChildProcessAndComesBackOnTheSamePortWithItsData() throws Exception {
        try (BrokerProcess kafka = BrokerProcess.start(dir, 0)) {
            long firstPid = kafka.pid();
            assertThat(firstPid).as("the broker's own process").isNotEqualTo(ProcessHandle.current().pid());
            assertThat(ProcessHandle.current().children().map(ProcessHandle::pid)).contains(firstPid);
            String address = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", address))) {
                admin.createTopics(Set.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            send(address, "before");

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).as("the stopped broker's process").isEmpty();

            kafka.restart();
            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            assertThat(kafka.pid()).isNotEqualTo(firstPid);
            send(address, "after");
            assertThat(readAll(address)).containsExactly("before", "after");
        }
    }

    /**
     * A parent killed with SIGKILL runs no shutdown hook: the child notices its input end and stops by itself,
     * letting go of the log, so the next broker over the same data starts.
     */
    @Test
    void theBrokerProcessEndsWhenItsParentIsKilled() throws Exception {
        Path out = dir.resolve("parent.out");
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), ParentOfABroker.class.getName(), dir.resolve("kafka").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long childPid = awaitChildPid(out, parent);
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            assertThat(child.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).get())
                    .as("the broker process after its parent was killed").isNotNull();
            assertThat(child.isAlive()).isFalse();
            try (BrokerProcess next = BrokerProcess.start(dir.resolve("kafka"), 0)) {
                assertThat(readAll(next.bootstrapServers())).containsExactly("from the killed parent");
            }
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void kafkaStartScriptVariablesSetTheBrokerJvmOptions() {
        assertThat(BrokerProcess.options(Map.of("KAFKA_HEAP_OPTS", " -Xms64m  -Xmx200m "), "KAFKA_HEAP_OPTS", "-Xmx1g"))
                .containsExactly("-Xms64m", "-Xmx200m");
        assertThat(BrokerProcess.options(Map.of("KAFKA_HEAP_OPTS", " "), "KAFKA_HEAP_OPTS", "-Xms1m -Xmx1g"))
                .containsExactly("-Xms1m", "-Xmx1g");
        assertThat(BrokerProcess.options(Map.of(), "KAFKA_HEAP_OPTS", BrokerProcess.DEFAULT_HEAP_OPTS)).contains("-Xmx384m");
    }

    /** Started in a JVM of its own by the test above: a broker process, one record on it, then its pid. */
    public static final class ParentOfABroker {
        public static void main(String[] args) throws Exception {
            BrokerProcess kafka = BrokerProcess.start(Path.of(args[0]), 0);
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(Set.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            send(kafka.bootstrapServers(), "from the killed parent");
            System.out.println("CHILD " + kafka.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static long awaitChildPid(Path out, Process parent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && parent.isAlive()) {
            if (Files.exists(out)) {
                for (String line : Files.readAllLines(out)) {
                    if (line.startsWith("CHILD ")) {
                        return Long.parseLong(line.substring(6).trim());
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the parent never reported its broker: " + (Files.exists(out) ? Files.readString(out) : ""));
    }

    private static void send(String address, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", address),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("t", "k", value)).get();
        }
    }

    private static List<String> readAll(String address) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", address, "group.id", "g", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("t"));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> values.add(r.value()));
                if (!values.isEmpty() && records.isEmpty()) {
                    break;
                }
            }
        }
        return values;
    }
}
