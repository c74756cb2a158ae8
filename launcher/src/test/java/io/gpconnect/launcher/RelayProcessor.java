package io.gpconnect.launcher;

import io.gpconnect.slots.SlotProjection;
import io.gpconnect.topics.EngineSettings;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A slot projection instance in this JVM with its own state directory: one more member of the processor's
 * consumer group, exactly as a second host would run it, so a test can make members join and leave.
 */
final class RelayProcessor implements AutoCloseable {
    private final SlotProjection projection;
    private final String name;

    private RelayProcessor(String name, SlotProjection projection) {
        this.name = name;
        this.projection = projection;
    }

    static RelayProcessor start(String name, EngineSettings engine, Path stateDir) {
        EngineSettings own = new EngineSettings(engine.bootstrapServers(), engine.registryUrl(), stateDir,
                engine.replicationFactor(), engine.partitions(), engine.commitIntervalMs(), null);
        return new RelayProcessor(name, new SlotProjection(own).start());
    }

    /** How many tasks (practice partitions) this member decides for now. */
    int activeTasks() {
        if (projection.streams().state() != KafkaStreams.State.RUNNING) {
            return 0;
        }
        return projection.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    /** Waits until this member, running, decides for {@code tasks} partitions. */
    void awaitActiveTasks(int tasks, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (activeTasks() != tasks) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " never held " + tasks + " tasks: " + projection.streams().state() + ", "
                        + projection.streams().metadataForLocalThreads().stream().map(ThreadMetadata::activeTasks).toList());
            }
            Thread.sleep(100);
        }
    }

    /** Waits until this member has joined: running, whatever the assignor gave it. */
    void awaitRunning(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (projection.streams().state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " not running: " + projection.streams().state());
            }
            Thread.sleep(100);
        }
    }

    /** Leaves the group: its tasks move to the members left, which restore their state from the changelogs. */
    @Override
    public void close() {
        projection.close();
    }
}
