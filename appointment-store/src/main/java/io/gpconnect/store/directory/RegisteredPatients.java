package io.gpconnect.store.directory;

import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.PatientRegistered;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.store.appointments.AppliedEventListener;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Patients registered through GP Connect, added to the directory as if the practice had published them, so
 * Find and Read a patient answer them like any other. The event carries the whole patient: applying it is an
 * overwrite, and a rebuild from the topics gives the same directory.
 *
 * <p>This processor, not the appointment view, tells the waiting request: the consumer's next Find a patient
 * must see the registration it was just answered with.
 */
public final class RegisteredPatients implements Processor<String, AppointmentEvent, Void, Void> {
    private final AppliedEventListener listener;
    private KeyValueStore<String, PracticeFeedRecord> directory;

    public RegisteredPatients(AppliedEventListener listener) {
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        directory = context.getStateStore(DirectoryView.STORE);
    }

    @Override
    public void process(Record<String, AppointmentEvent> record) {
        String ods = record.key();
        AppointmentEvent event = record.value();
        if (ods == null || event == null || !(event.getEvent() instanceof PatientRegistered registered)) {
            return;
        }
        PatientPublished patient = registered.getPatient();
        PracticeFeedRecord entry = PracticeFeedRecord.newBuilder()
                .setChangeId(event.getEventId())
                .setPublishedAt(event.getOccurredAt())
                .setChange(patient)
                .build();
        DirectoryView.putPatient(directory, ods, entry, patient);
        listener.applied(event);
    }

    /** Whether this processor, rather than the appointment view, answers the event's command. */
    public static boolean answers(AppointmentEvent event) {
        return event.getEvent() instanceof PatientRegistered;
    }
}
