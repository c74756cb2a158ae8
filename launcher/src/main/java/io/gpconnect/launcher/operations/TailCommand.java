package io.gpconnect.launcher.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpconnect.launcher.config.OperationFailedException;
import io.gpconnect.launcher.config.SettingChecks;
import io.gpconnect.launcher.config.UsageErrors;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./gpconnect tail}: the engine's topics as JSON lines, read as an analytics consumer reads them
 * (read_committed: no aborted decision shows). Joins no consumer group and commits nothing, so it cannot disturb
 * anyone's offsets.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print records of the engine's topics as JSON lines (Avro decoded with its registered schema), then stop "
                + "after --max records or --timeout seconds without a new one.")
public final class TailCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--topic", split = ",", paramLabel = "TOPIC",
            description = "Topics to print (default ${DEFAULT-VALUE})")
    List<String> topics = List.of(Topics.APPOINTMENT_EVENTS.name());

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of only new ones")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records (default: no limit)")
    Long max;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Stop after this many seconds without a new record (default ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Mixin
    EngineConnection engine;

    @Override
    public Integer call() {
        Duration idleLimit = UsageErrors.checked(spec, () -> {
            if (max != null) {
                SettingChecks.positive("--max", max);
            }
            return Duration.ofMillis((long) (SettingChecks.positive("--timeout (ms)", (long) (timeoutSeconds * 1000))));
        });
        EngineSettings settings = engine.settings(true);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<String, SpecificRecord> consumer = consumer(settings)) {
            print(consumer, out, idleLimit);
        } catch (TimeoutException e) {
            // Finding the topics and their ends is what waits on Kafka; once records flow, an empty poll is just quiet.
            out.flush();
            throw new OperationFailedException(EngineConnection.noAnswer(settings.bootstrapServers()), e);
        }
        out.flush();
        return 0;
    }

    private void print(KafkaConsumer<String, SpecificRecord> consumer, PrintWriter out, Duration idleLimit) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // fix the start now, not at the first poll
        long printed = 0;
        long idleSince = System.nanoTime();
        while (max == null || printed < max) {
            List<ConsumerRecord<String, SpecificRecord>> batch = poll(consumer, out);
            for (ConsumerRecord<String, SpecificRecord> r : batch) {
                out.println(line(r));
                if (max != null && ++printed >= max) {
                    break;
                }
            }
            out.flush();
            if (!batch.isEmpty()) {
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > idleLimit.toNanos()) {
                break;
            }
        }
    }

    /** A record that cannot be decoded is shown as such and stepped over: a poison record must not stop the tail. */
    private static List<ConsumerRecord<String, SpecificRecord>> poll(KafkaConsumer<String, SpecificRecord> consumer, PrintWriter out) {
        try {
            List<ConsumerRecord<String, SpecificRecord>> batch = new ArrayList<>();
            consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
            return batch;
        } catch (RecordDeserializationException e) {
            ObjectNode bad = JSON.createObjectNode().put("topic", e.topicPartition().topic()).put("partition", e.topicPartition().partition())
                    .put("offset", e.offset()).put("error", "undecodable record: " + e.getMessage());
            out.println(bad);
            consumer.seek(e.topicPartition(), e.offset() + 1);
            return List.of();
        }
    }

    private static String line(ConsumerRecord<String, SpecificRecord> r) {
        ObjectNode line = JSON.createObjectNode().put("topic", r.topic()).put("partition", r.partition()).put("offset", r.offset())
                .put("timestamp", r.timestamp()).put("key", r.key());
        line.put("type", r.value() == null ? null : r.value().getSchema().getFullName());
        line.set("value", r.value() == null ? null : AvroJson.of(r.value()));
        return line.toString();
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, SpecificRecord> consumer) {
        Map<String, List<org.apache.kafka.common.PartitionInfo>> existing = consumer.listTopics();
        List<TopicPartition> out = new ArrayList<>();
        for (String topic : topics) {
            var infos = existing.get(topic);
            if (infos == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--topic " + topic + " does not exist");
            }
            infos.forEach(p -> out.add(new TopicPartition(topic, p.partition())));
        }
        return out;
    }

    private static KafkaConsumer<String, SpecificRecord> consumer(EngineSettings settings) {
        Map<String, Object> conf = new HashMap<>(settings.serdes().serdeConfig());
        conf.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        conf.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        conf.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        conf.put(ConsumerConfig.CLIENT_ID_CONFIG, "gpconnect-tail");
        conf.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) EngineConnection.KAFKA_PATIENCE.toMillis());
        conf.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) EngineConnection.KAFKA_PATIENCE.toMillis());
        Deserializer<SpecificRecord> values = settings.serdes().<SpecificRecord>valueSerde().deserializer();
        return new KafkaConsumer<>(conf, new StringDeserializer(), values);
    }
}
