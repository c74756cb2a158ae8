package io.gpconnect.store;

import io.gpconnect.store.appointments.AppliedEventListener;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.ReplaceFailedThread;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Duration;
import java.util.Properties;

/**
 * The running views. At-least-once suffices here: the views are derived from committed events only
 * (read_committed) and applying an event is an idempotent overwrite, so a replay after a crash changes nothing.
 */
public final class AppointmentStore implements AutoCloseable {
    public static final String APPLICATION_ID = "gpconnect-appointment-store";

    private final KafkaStreams streams;
    private final ViewQueries queries;

    public AppointmentStore(EngineSettings settings, AppliedEventListener listener) {
        this(settings, APPLICATION_ID, listener);
    }

    /**
     * Views under another application id are a second, independent copy built from the topics' beginning:
     * what a blue-green rebuild or an audit of the serving views compares against.
     */
    public AppointmentStore(EngineSettings settings, String applicationId, AppliedEventListener listener) {
        Properties p = settings.streamsProperties(applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.consumerPrefix("isolation.level"), "read_committed");
        // A view answers from its store the moment a record is applied, so committing only bounds what a restart
        // re-applies (harmlessly: applying is an overwrite). Each commit also waits for every changelog write in
        // flight, so at the processor's 20 ms the view thread spent much of a busy second stalled on the broker.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(Math.max(1_000, settings.commitIntervalMs())));
        p.put(StreamsConfig.producerPrefix("linger.ms"), "5");
        ViewChanges changes = new ViewChanges();
        this.streams = new KafkaStreams(AppointmentStoreTopology.build(settings.serdes(), listener, changes), p);
        streams.setUncaughtExceptionHandler(new ReplaceFailedThread("appointment-store"));
        this.queries = new ViewQueries(streams, settings.partitions(), changes);
    }

    public AppointmentStore start() {
        streams.start();
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public ViewQueries queries() {
        return queries;
    }

    /** Waits until the views have caught up with their topics' ends, so a fresh start answers complete reads. */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("Appointment views not running: " + streams.state());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Leaves the consumer group on the way out, so a restart is not held up waiting for this member's session to expire. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
