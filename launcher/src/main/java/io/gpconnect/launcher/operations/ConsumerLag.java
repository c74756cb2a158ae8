package io.gpconnect.launcher.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * How far a consumer group (a Streams application) is behind its input: committed offset against the last
 * committed record of each partition. Ends are read read_committed, as the engine's readers see the topics.
 */
public final class ConsumerLag implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    /** One partition of a group's input; {@code lag} is end − committed. */
    public record PartitionLag(String group, TopicPartition partition, long committed, long end) {
        public long lag() {
            return Math.max(0, end - committed);
        }
    }

    private final Admin admin;

    public ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
    }

    /** The group's partitions in topic, partition order; empty when it has committed nothing (never ran, or reset). */
    public List<PartitionLag> of(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return committed.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .map(e -> new PartitionLag(group, e.getKey(), e.getValue().offset(), ends.get(e.getKey()).offset()))
                    .sorted(Comparator.comparing((PartitionLag l) -> l.partition().topic()).thenComparingInt(l -> l.partition().partition()))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot read the offsets of " + group + ": " + cause.getMessage(), cause);
        }
    }

    public long total(String group) {
        return of(group).stream().mapToLong(PartitionLag::lag).sum();
    }

    @Override
    public void close() {
        admin.close();
    }
}
