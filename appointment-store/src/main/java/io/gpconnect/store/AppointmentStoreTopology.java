package io.gpconnect.store;

import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.store.appointments.AppliedEventListener;
import io.gpconnect.store.appointments.AppointmentView;
import io.gpconnect.store.directory.DirectoryView;
import io.gpconnect.store.directory.RegisteredPatients;
import io.gpconnect.store.slots.SlotView;
import io.gpconnect.topics.AvroSerdes;
import io.gpconnect.topics.RocksDbStores;
import io.gpconnect.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The read side: one small topology per view family.
 *
 * <pre>
 *   gpc.practice.feed        ─► directory     (organisations, locations, practitioners, patients, schedules)
 *   gpc.slot.availability    ─► slots         (the free ones, by practice and start)
 *   gpc.appointment.events   ─► appointments  (by id; by patient and start) ─► AppliedEventListener
 *                            └► directory     (patients registered through GP Connect) ─► AppliedEventListener
 * </pre>
 *
 * The directory store is shared by the feed and the events, so those two join into one sub-topology: both
 * topics are co-partitioned by practice, so one task still holds all of a practice's directory.
 */
public final class AppointmentStoreTopology {
    private AppointmentStoreTopology() {
    }

    public static Topology build(AvroSerdes serdes, AppliedEventListener listener, ViewChanges changes) {
        Serde<PracticeFeedRecord> feed = serdes.valueSerde(PracticeFeedRecord.class);
        Serde<SlotAvailabilityChanged> availability = serdes.valueSerde(SlotAvailabilityChanged.class);
        Serde<AppointmentEvent> events = serdes.valueSerde(AppointmentEvent.class);
        Topology t = new Topology();

        t.addSource("practice-feed", Serdes.String().deserializer(), feed.deserializer(), Topics.PRACTICE_FEED.name());
        t.addProcessor("directory-view", changes.reporting(DirectoryView::new), "practice-feed");
        t.addStateStore(store(DirectoryView.STORE, serdes), "directory-view");

        t.addSource("slot-availability", Serdes.String().deserializer(), availability.deserializer(), Topics.SLOT_AVAILABILITY.name());
        t.addProcessor("slot-view", changes.reporting(SlotView::new), "slot-availability");
        t.addStateStore(store(SlotView.FREE_BY_START, serdes), "slot-view");

        t.addSource("appointment-events", Serdes.String().deserializer(), events.deserializer(), Topics.APPOINTMENT_EVENTS.name());
        t.addProcessor("appointment-view", changes.reporting(() -> new AppointmentView(listener)), "appointment-events");
        t.addStateStore(store(AppointmentView.BY_ID, serdes), "appointment-view");
        t.addStateStore(store(AppointmentView.BY_PATIENT, serdes), "appointment-view");
        t.addProcessor("registered-patients", changes.reporting(() -> new RegisteredPatients(listener)), "appointment-events");
        t.connectProcessorAndStateStores("registered-patients", DirectoryView.STORE);
        return t;
    }

    private static StoreBuilder<?> store(String name, AvroSerdes serdes) {
        // No record cache: a read straight after an event must see it.
        return Stores.keyValueStoreBuilder(RocksDbStores.persistent(name), Serdes.String(), serdes.valueSerde())
                .withCachingDisabled();
    }
}
