package io.gpconnect.store.slots;

import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.schemas.slot.SlotBefore;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlotViewTest {
    private static final String ODS = "A1";
    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");

    private final SlotView view = new SlotView();
    private KeyValueStore<String, SlotState> free;

    @BeforeEach
    void init() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        free = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SlotView.FREE_BY_START), Serdes.String(), slotSerde())
                .withLoggingDisabled().build();
        free.init(context.getStateStoreContext(), free);
        context.addStateStore(free);
        view.init(context);
    }

    @Test
    void aPublishedSlotIsListedBookingDropsItAndCancellingListsItAgain() {
        SlotState published = slot("s1", NINE, SlotStatus.FREE, true);
        apply(change(published, null));
        assertThat(listed()).containsExactly(SlotView.freeKey(ODS, published));

        SlotState booked = SlotState.newBuilder(published).setStatus(SlotStatus.BUSY).setAppointmentId("ap1").build();
        apply(change(booked, published));
        assertThat(listed()).isEmpty();

        apply(change(published, booked));
        assertThat(listed()).containsExactly(SlotView.freeKey(ODS, published));
    }

    @Test
    void aSlotMovedByThePracticeIsListedAtItsNewStartOnly() {
        SlotState atNine = slot("s1", NINE, SlotStatus.FREE, true);
        SlotState atTen = slot("s1", TEN, SlotStatus.FREE, true);
        apply(change(atNine, null));
        apply(change(slot("s2", NINE, SlotStatus.FREE, true), null));
        apply(change(atTen, atNine));
        assertThat(listed()).containsExactly(SlotView.freeKey(ODS, slot("s2", NINE, SlotStatus.FREE, true)), SlotView.freeKey(ODS, atTen));
    }

    @Test
    void onlyGpConnectBookableFreeSlotsAreListedAndWithdrawnOnesGo() {
        SlotState notBookable = slot("s1", NINE, SlotStatus.FREE, false);
        apply(change(notBookable, null));
        assertThat(listed()).isEmpty();
        SlotState bookable = slot("s1", NINE, SlotStatus.FREE, true);
        apply(change(bookable, notBookable));
        assertThat(listed()).containsExactly(SlotView.freeKey(ODS, bookable));
        apply(change(SlotState.newBuilder(bookable).setStatus(SlotStatus.WITHDRAWN).build(), bookable));
        assertThat(listed()).isEmpty();
    }

    @Test
    void aRecordWrittenBeforeRecordsSaidWhereTheSlotStoodStillMovesItsEntry() {
        SlotState atNine = slot("s1", NINE, SlotStatus.FREE, true);
        SlotState other = slot("s2", NINE, SlotStatus.FREE, true);
        apply(change(atNine, null));
        apply(change(other, null));
        SlotState atTen = slot("s1", TEN, SlotStatus.FREE, true);
        apply(SlotAvailabilityChanged.newBuilder().setPracticeOds(ODS).setChangedAt(TEN).setSlot(atTen).build());
        assertThat(listed()).containsExactly(SlotView.freeKey(ODS, other), SlotView.freeKey(ODS, atTen));

        apply(SlotAvailabilityChanged.newBuilder().setPracticeOds(ODS).setChangedAt(TEN)
                .setSlot(SlotState.newBuilder(atTen).setStatus(SlotStatus.BUSY).setAppointmentId("ap1").build()).build());
        assertThat(listed()).containsExactly(SlotView.freeKey(ODS, other));
    }

    private void apply(SlotAvailabilityChanged change) {
        view.process(new Record<>(ODS, change, 0L));
    }

    private static SlotAvailabilityChanged change(SlotState after, SlotState before) {
        SlotBefore was = before == null ? null
                : new SlotBefore(before.getStart(), before.getStatus(), before.getGpConnectBookable());
        return SlotAvailabilityChanged.newBuilder().setPracticeOds(ODS).setChangedAt(NINE).setSlot(after)
                .setBefore(was).setBeforeKnown(true).build();
    }

    private List<String> listed() {
        List<String> keys = new ArrayList<>();
        try (var it = free.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private static SlotState slot(String id, Instant start, SlotStatus status, boolean bookable) {
        return SlotState.newBuilder().setId(id).setScheduleId("sch1").setStart(start).setEnd(start.plusSeconds(600))
                .setServiceType("General").setDeliveryChannel("In-person").setStatus(status).setGpConnectBookable(bookable)
                .build();
    }

    private static Serde<SlotState> slotSerde() {
        return Serdes.serdeFrom((topic, slot) -> {
            try {
                ByteBuffer b = slot.toByteBuffer();
                byte[] out = new byte[b.remaining()];
                b.get(out);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            try {
                return SlotState.fromByteBuffer(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
