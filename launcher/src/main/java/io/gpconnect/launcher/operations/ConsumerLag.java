package io.gpconnect.launcher.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
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
    private static final long TIMEOUT_SECONDS = EngineConnection.KAFKA_PATIENCE.toSeconds();

    /** No offset committed yet. */
    public static final long NONE = -1;

    /** One partition of a group's input; {@code lag} is end − committed. */
    public record PartitionLag(String group, TopicPartition partition, long committed, long end) {
        public long lag() {
            return committed == NONE ? end : Math.max(0, end - committed);
        }
    }

    private final Admin admin;
    private final String bootstrapServers;

    public ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * The group's input partitions in topic, partition order: those assigned to its members and those it has
     * committed offsets for. A partition assigned but never committed counts all its records as lag.
     */
    public List<PartitionLag> of(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
            admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return partitions.stream()
                    .map(tp -> new PartitionLag(group, tp, committed.get(tp) == null ? NONE : committed.get(tp).offset(), ends.get(tp).offset()))
                    .sorted(Comparator.comparing((PartitionLag l) -> l.partition().topic()).thenComparingInt(l -> l.partition().partition()))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw failure("Cannot read the offsets of " + group, e);
        }
    }

    /**
     * Waits until {@code group} has committed past every record of {@code topic} that was committed when this was
     * called (records arriving later are not waited for), checking every 100 ms for at most {@code patience}.
     *
     * @return whether it got there in time
     */
    public boolean awaitCaughtUp(String group, String topic, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue())) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw failure("Cannot read the offsets of " + group + " on " + topic, e);
        }
    }

    /** A timeout says nothing by itself (its message is null): the likeliest reason is a broker that does not answer. */
    private IllegalStateException failure(String what, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String why = cause instanceof TimeoutException || cause.getMessage() == null
                ? EngineConnection.noAnswer(bootstrapServers)
                : cause.getMessage();
        return new IllegalStateException(what + ": " + why, cause);
    }

    public long total(String group) {
        return of(group).stream().mapToLong(PartitionLag::lag).sum();
    }

    /** Without a bound, closing waits out every request still pending on an unreachable broker (a minute by default). */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
