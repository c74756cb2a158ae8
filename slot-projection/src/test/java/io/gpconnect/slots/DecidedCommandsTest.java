package io.gpconnect.slots;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Decided command ids are remembered for the retention and then forgotten, oldest first, and only those. */
class DecidedCommandsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void commandsDecidedBeforeTheCutoffAreForgottenAndLaterOnesKept() {
        SlotStores stores = stores();
        Instant old1 = NOW.minus(Duration.ofDays(8));
        Instant old2 = NOW.minus(Duration.ofDays(7)).minusMillis(1);
        Instant recent = NOW.minus(Duration.ofDays(6));
        stores.putDecided("old-1", old1, bytes("old-1"));
        stores.putDecided("old-2", old2, bytes("old-2"));
        stores.putDecided("recent", recent, bytes("recent"));

        int forgotten = stores.forgetDecidedBefore(NOW.minus(CommandProcessor.DEDUP_RETENTION));

        assertThat(forgotten).isEqualTo(2);
        assertThat(stores.decided("old-1", old1)).isEmpty();
        assertThat(stores.decided("old-2", old2)).isEmpty();
        assertThat(stores.decided("recent", recent)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("recent")));
        assertThat(stores.forgetDecidedBefore(NOW.minus(CommandProcessor.DEDUP_RETENTION))).isZero();
    }

    @Test
    void aCommandIsFoundByItsIdAndIssueTimeOnly() {
        SlotStores stores = stores();
        stores.putDecided("c1", NOW, bytes("c1"));

        assertThat(stores.decided("c1", NOW)).isPresent();
        assertThat(stores.decided("c1", NOW.plusMillis(1))).isEmpty();
        assertThat(stores.decided("c2", NOW)).isEmpty();
    }

    private static byte[] bytes(String commandId) {
        return ("decided " + commandId).getBytes(StandardCharsets.UTF_8);
    }

    private static SlotStores stores() {
        MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
        // SlotStores needs every store; this test reads and writes only the decided one, so the others hold bytes.
        for (String name : List.of(SlotStores.SLOTS, SlotStores.SCHEDULES, SlotStores.PATIENTS, SlotStores.APPOINTMENTS)) {
            add(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                    .withLoggingDisabled().build());
        }
        add(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SlotStores.DECIDED), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build());
        add(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SlotStores.PATIENTS_BY_NHS_NUMBER), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build());
        return new SlotStores(context);
    }

    private static void add(MockProcessorContext<String, SpecificRecord> context, KeyValueStore<String, ?> store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
