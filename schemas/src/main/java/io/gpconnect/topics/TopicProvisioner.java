package io.gpconnect.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Creates the catalogue's topics where they are missing. All get the same partition count: the stream
 * processor joins them by partition number, so they must stay co-partitioned.
 */
public final class TopicProvisioner {
    private TopicProvisioner() {
    }

    public static void ensureTopics(String bootstrapServers, int partitions, short replication) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.all().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), partitions, replication).configs(withIsr(t.config(), replication)))
                    .collect(Collectors.toList());
            if (!existing.contains(Topics.DEAD_LETTERS.name())) {
                missing.add(new NewTopic(Topics.DEAD_LETTERS.name(), 1, replication).configs(withIsr(Topics.DEAD_LETTERS.config(), replication)));
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            checkCopartitioned(admin);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topics: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Topics just created may not be in the broker's metadata yet ("does not host this topic-partition"): a
     * retriable error, retried for a while rather than failing the start.
     */
    private static Map<String, TopicDescription> described(Admin admin, List<String> names) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Map<String, String> withIsr(Map<String, String> config, short replication) {
        Map<String, String> c = new HashMap<>(config);
        c.put("min.insync.replicas", String.valueOf(Math.max(1, Math.min(2, replication - 1))));
        return c;
    }

    private static void checkCopartitioned(Admin admin) throws ExecutionException, InterruptedException {
        var names = Topics.all().stream().map(Topic::name).toList();
        var counts = described(admin, names).values().stream()
                .collect(Collectors.toMap(d -> d.name(), d -> d.partitions().size()));
        if (counts.values().stream().distinct().count() > 1) {
            throw new IllegalStateException("Topics must have equal partition counts to stay co-partitioned: " + counts);
        }
    }
}
