package io.gpconnect.launcher;

import io.gpconnect.store.AppointmentStore;
import io.gpconnect.store.appointments.AppliedEventListener;
import io.gpconnect.topics.EngineSettings;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views' whole content as text, store by store, so two engines' views can be compared. The views are
 * derived data: after any fault, dropping them and rebuilding from the topics must give what they held.
 */
final class ViewDump {
    private static final List<String> STORES = List.of("directory", "free-slots-by-start",
            "appointment-by-id", "appointments-by-patient");

    private ViewDump() {
    }

    static Map<String, String> of(Engine engine) {
        return of(engine.store().streams());
    }

    static Map<String, String> of(KafkaStreams views) {
        Map<String, String> all = new TreeMap<>();
        for (String name : STORES) {
            ReadOnlyKeyValueStore<String, Object> store = views.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, Object> it = store.all()) {
                it.forEachRemaining(kv -> all.put(name + "/" + kv.key, String.valueOf(kv.value)));
            }
        }
        return all;
    }

    /**
     * The views once nothing has changed them for {@code quiet}: commands answered 503 may still be decided
     * after the clients gave up, and their events must be in the dump that the rebuild is compared with.
     */
    static Map<String, String> settled(Engine engine, Duration quiet, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Map<String, String> last = of(engine);
        while (System.nanoTime() < deadline) {
            Thread.sleep(quiet.toMillis());
            Map<String, String> now = of(engine);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the views were still changing after " + bound);
    }

    /**
     * Builds a second copy of the views from the topics' beginning (its own application id and state, beside
     * the engine's) and waits for it to equal {@code expected}, the engine's settled views.
     */
    static void assertRebuildEquals(Engine engine, Path stateDir, Map<String, String> expected) throws InterruptedException {
        EngineSettings s = engine.settings();
        EngineSettings own = new EngineSettings(s.bootstrapServers(), s.registryUrl(), stateDir, s.replicationFactor(),
                s.partitions(), s.commitIntervalMs(), null);
        try (AppointmentStore rebuilt = new AppointmentStore(own, AppointmentStore.APPLICATION_ID + "-rebuild-" + UUID.randomUUID(),
                AppliedEventListener.NONE).start()) {
            rebuilt.awaitRunning(Duration.ofSeconds(60));
            awaitEqual(rebuilt.streams(), expected, Duration.ofSeconds(60));
        }
    }

    static void awaitEqual(Engine engine, Map<String, String> expected, Duration bound) throws InterruptedException {
        awaitEqual(engine.store().streams(), expected, bound);
    }

    private static void awaitEqual(KafkaStreams views, Map<String, String> expected, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Map<String, String> now = of(views);
        while (!now.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = of(views);
        }
        assertThat(now).as("views rebuilt from the topics").isEqualTo(expected);
    }
}
