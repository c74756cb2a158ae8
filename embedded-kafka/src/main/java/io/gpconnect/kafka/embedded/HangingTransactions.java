package io.gpconnect.kafka.embedded;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds and aborts transactions left hanging by a crash of the one-node broker, as Kafka's
 * {@code kafka-transactions.sh find-hanging} and {@code abort} would. Seen in {@code ServeKilledTest}: killed between
 * a commit's {@code PrepareCommit} and its markers, the restarted broker's coordinator logged the commit complete
 * while still loading, yet wrote no marker on any of its partitions; their records then stay unstable for good and
 * every read_committed reader (the processor restoring its changelogs, its committed offsets) waits on them.
 *
 * <p>A transaction counts as hanging on a partition when the partition holds it open but its coordinator no longer
 * has it open there. It is aborted on every such partition, {@code __consumer_offsets} included, so it is undone
 * whole: its commands are decided again. That is sound only if none of its partitions received the commit marker
 * (nothing read it as committed: the views read committed records only). A partition showing the producer at a
 * later epoch with nothing open means one did, and then nothing is aborted and the problem is logged instead.
 * Run before any client of the engine starts, against its own broker only.
 */
public final class HangingTransactions {
    private static final Logger log = LoggerFactory.getLogger(HangingTransactions.class);
    private static final long TIMEOUT_SECONDS = 30;
    private static final Set<TransactionState> OPEN = EnumSet.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);
    private static final Set<TransactionState> FINISHING = EnumSet.of(TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);

    /** One partition's open transaction of one producer. */
    record Open(TopicPartition partition, long producerId, int producerEpoch, int coordinatorEpoch) {
    }

    private HangingTransactions() {
    }

    /**
     * {@link #abortAfterRestart} for a broker about to be used: not being able to look is no reason not to start;
     * a hanging commit would show as a processor that decides nothing, and the warning says where to look.
     */
    static void abortOrWarn(String bootstrapServers) {
        try {
            abortAfterRestart(bootstrapServers, Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            log.warn("Could not check the broker for commits left hanging by a crash (kafka-transactions.sh find-hanging does): {}",
                    e.getMessage());
        }
    }

    /**
     * Waits (up to {@code patience}) for the coordinators to finish the commits and aborts they resumed, then aborts
     * the transactions still hanging.
     *
     * @return each partition's open transaction that was aborted
     */
    public static List<Open> abortAfterRestart(String bootstrapServers, Duration patience) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            awaitFinished(admin, patience);
            Map<Long, TransactionDescription> coordinators = transactions(admin);
            List<Open> hanging = new ArrayList<>();
            Map<Long, Integer> settledEpoch = new HashMap<>();
            producers(admin).forEach((partition, states) -> {
                for (ProducerState p : states) {
                    if (p.currentTransactionStartOffset().isEmpty()) {
                        settledEpoch.merge(p.producerId(), p.producerEpoch(), Math::max);
                    } else if (isHanging(partition, p, coordinators.get(p.producerId()))) {
                        hanging.add(new Open(partition, p.producerId(), p.producerEpoch(), p.coordinatorEpoch().orElse(-1)));
                    }
                }
            });
            List<Open> aborted = new ArrayList<>();
            for (Open open : hanging) {
                Integer later = settledEpoch.get(open.producerId());
                if (later != null && later > open.producerEpoch()) {
                    log.error("Producer {} holds a transaction open on {} (epoch {}) that another partition already closed at epoch {}: "
                            + "it may be half committed, so it is not aborted. Find it with kafka-transactions.sh find-hanging "
                            + "and complete it by hand.", open.producerId(), open.partition(), open.producerEpoch(), later);
                    continue;
                }
                admin.abortTransaction(new AbortTransactionSpec(open.partition(), open.producerId(), (short) open.producerEpoch(),
                        open.coordinatorEpoch())).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                aborted.add(open);
            }
            if (!aborted.isEmpty()) {
                log.warn("Aborted what the broker's restart left hanging (a commit with no marker written) on {} partitions: {}",
                        aborted.size(), aborted);
            }
            return aborted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot check the broker for hanging transactions: " + cause.getMessage(), cause);
        }
    }

    static boolean isHanging(TopicPartition partition, ProducerState producer, TransactionDescription coordinator) {
        return coordinator == null
                || coordinator.producerId() != producer.producerId()
                || !OPEN.contains(coordinator.state())
                || !coordinator.topicPartitions().contains(partition);
    }

    private static void awaitFinished(Admin admin, Duration patience) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (transactions(admin).values().stream().anyMatch(t -> FINISHING.contains(t.state())) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** The coordinators' view of every transactional producer, by producer id. */
    private static Map<Long, TransactionDescription> transactions(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> ids = admin.listTransactions().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .map(TransactionListing::transactionalId).toList();
        Map<Long, TransactionDescription> byProducer = new HashMap<>();
        if (!ids.isEmpty()) {
            admin.describeTransactions(ids).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .values().forEach(d -> byProducer.put(d.producerId(), d));
        }
        return byProducer;
    }

    /** Every partition's active producers, internal topics included. */
    private static Map<TopicPartition, List<ProducerState>> producers(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((topic, d) ->
                d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        Map<TopicPartition, List<ProducerState>> out = new HashMap<>();
        admin.describeProducers(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, state) -> out.put(tp, state.activeProducers()));
        return out;
    }
}
