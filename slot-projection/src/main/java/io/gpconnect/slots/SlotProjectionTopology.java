package io.gpconnect.slots;

import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.slots.feed.FeedIngestor;
import io.gpconnect.topics.AvroSerdes;
import io.gpconnect.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The decision topology: the practice feed and the command stream, co-partitioned by practice ODS code, meet
 * in one sub-topology that owns the practice's slot book. Its outputs are the appointment events and the
 * slot availability changes.
 *
 * <pre>
 *   gpc.practice.feed ────────► ingest-feed ──────┐
 *                                   │ stores       ├──► gpc.slot.availability
 *   gpc.appointment.commands ─► decide-commands ──┤
 *                                                  └──► gpc.appointment.events
 * </pre>
 */
public final class SlotProjectionTopology {
    static final String EVENTS_SINK = "appointment-events";
    static final String AVAILABILITY_SINK = "slot-availability";

    private SlotProjectionTopology() {
    }

    /** @param commitIntervalMs how often a keeping-up processor commits (see {@link CommitPacer}) */
    public static Topology build(AvroSerdes serdes, long commitIntervalMs) {
        Serde<PracticeFeedRecord> feed = serdes.valueSerde(PracticeFeedRecord.class);
        Serde<AppointmentCommand> commands = serdes.valueSerde(AppointmentCommand.class);
        Serde<SpecificRecord> out = serdes.valueSerde();
        Serde<AppointmentEvent> events = serdes.valueSerde(AppointmentEvent.class);
        Topology t = new Topology();
        t.addSource("practice-feed", Serdes.String().deserializer(), feed.deserializer(), Topics.PRACTICE_FEED.name());
        t.addSource("appointment-commands", Serdes.String().deserializer(), commands.deserializer(), Topics.APPOINTMENT_COMMANDS.name());
        ThreadLocal<CommitPacer> commits = CommitPacer.perThread(commitIntervalMs);
        // One check per task: the feed and the commands are one sub-topology, so every task has both processors.
        t.addProcessor("ingest-feed", PacedCommits.around(() -> new FeedIngestor(AVAILABILITY_SINK), commits, false), "practice-feed");
        t.addProcessor("decide-commands", PacedCommits.around(() -> new CommandProcessor(events.serializer()), commits, true),
                "appointment-commands");
        for (StoreBuilder<?> store : SlotStores.builders(serdes)) {
            t.addStateStore(store, "ingest-feed", "decide-commands");
        }
        // Events arrive already serialised (see CommandProcessor).
        t.addSink(EVENTS_SINK, Topics.APPOINTMENT_EVENTS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), "decide-commands");
        t.addSink(AVAILABILITY_SINK, Topics.SLOT_AVAILABILITY.name(), Serdes.String().serializer(), out.serializer(),
                "ingest-feed", "decide-commands");
        return t;
    }
}
