package io.gpconnect.slots.feed;

import io.gpconnect.schemas.feed.FeedSlotStatus;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.feed.SlotPublished;
import io.gpconnect.schemas.feed.SlotWithdrawn;
import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.slots.SlotChange;
import io.gpconnect.slots.SlotStores;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Optional;

/**
 * Takes in the schedules, slots and patients the practice system publishes. A slot already booked through
 * GP Connect keeps its booking when the practice republishes it: the appointment book is ours to decide.
 */
public final class FeedIngestor implements Processor<String, PracticeFeedRecord, String, SpecificRecord> {
    private final String availabilitySink;
    private ProcessorContext<String, SpecificRecord> context;
    private SlotStores stores;

    public FeedIngestor(String availabilitySink) {
        this.availabilitySink = availabilitySink;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.stores = new SlotStores(context);
    }

    @Override
    public void process(Record<String, PracticeFeedRecord> record) {
        String ods = record.key();
        if (ods == null || record.value() == null) {
            return;
        }
        Object change = record.value().getChange();
        if (change instanceof SchedulePublished schedule) {
            stores.putSchedule(ods, schedule);
        } else if (change instanceof PatientPublished patient) {
            stores.putPatient(ods, patient);
        } else if (change instanceof SlotPublished published) {
            Optional<SlotState> existing = stores.slot(ods, published.getId());
            SlotState slot = merge(existing, published);
            stores.putSlot(ods, slot);
            emit(record, ods, new SlotChange(existing.orElse(null), slot));
        } else if (change instanceof SlotWithdrawn withdrawn) {
            stores.slot(ods, withdrawn.getId()).ifPresent(existing -> {
                stores.removeSlot(ods, withdrawn.getId());
                emit(record, ods, new SlotChange(existing, SlotState.newBuilder(existing).setStatus(SlotStatus.WITHDRAWN).build()));
            });
        }
    }

    private static SlotState merge(Optional<SlotState> existing, SlotPublished p) {
        boolean heldByUs = existing.map(s -> s.getAppointmentId() != null && s.getStatus() == SlotStatus.BUSY).orElse(false);
        SlotStatus status = heldByUs || p.getStatus() == FeedSlotStatus.BUSY ? SlotStatus.BUSY : SlotStatus.FREE;
        return SlotState.newBuilder()
                .setId(p.getId())
                .setScheduleId(p.getScheduleId())
                .setStart(p.getStart())
                .setEnd(p.getEnd())
                .setServiceType(p.getServiceType())
                .setDeliveryChannel(p.getDeliveryChannel())
                .setStatus(status)
                .setGpConnectBookable(p.getGpConnectBookable())
                .setBookableOdsCodes(p.getBookableOdsCodes())
                .setBookableOrgTypes(p.getBookableOrgTypes())
                .setAppointmentId(heldByUs ? existing.get().getAppointmentId() : null)
                .build();
    }

    private void emit(Record<String, PracticeFeedRecord> record, String ods, SlotChange change) {
        SlotAvailabilityChanged changed = change.record(ods, record.value().getPublishedAt());
        context.forward(new Record<>(ods, changed, record.timestamp()), availabilitySink);
    }
}
