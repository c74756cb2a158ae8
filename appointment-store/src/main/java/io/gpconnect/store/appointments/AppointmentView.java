package io.gpconnect.store.appointments;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.event.AppointmentAmended;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.store.directory.RegisteredPatients;
import io.gpconnect.topics.Keys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Appointments by id and by patient (ordered by start, for date-range retrieval). Every event carries the
 * whole appointment, so applying one is a plain overwrite: replaying the topic gives the same views.
 */
public final class AppointmentView implements Processor<String, AppointmentEvent, Void, Void> {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppointmentView.class);
    public static final String BY_ID = "appointment-by-id";
    public static final String BY_PATIENT = "appointments-by-patient";

    private final AppliedEventListener listener;
    private KeyValueStore<String, Appointment> byId;
    private KeyValueStore<String, Appointment> byPatient;

    public AppointmentView(AppliedEventListener listener) {
        this.listener = listener;
    }

    public static String patientKey(Appointment a) {
        return Keys.of(a.getPracticeOds(), a.getPatientId(), Keys.time(a.getStart()), a.getId());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        byId = context.getStateStore(BY_ID);
        byPatient = context.getStateStore(BY_PATIENT);
    }

    @Override
    public void process(Record<String, AppointmentEvent> record) {
        AppointmentEvent event = record.value();
        if (event == null) {
            return;
        }
        Appointment appointment = appointmentOf(event.getEvent());
        if (appointment != null) {
            String key = Keys.of(appointment.getPracticeOds(), appointment.getId());
            Appointment previous = byId.get(key);
            // Events of one practice arrive in order; an older version never overwrites a newer one on replay.
            if (previous == null || previous.getVersion() <= appointment.getVersion()) {
                byId.put(key, appointment);
                byPatient.put(patientKey(appointment), appointment);
            }
        }
        log.debug("applied {}", event.getCommandId());
        if (!RegisteredPatients.answers(event)) {
            listener.applied(event);
        }
    }

    static Appointment appointmentOf(Object event) {
        if (event instanceof AppointmentBooked b) {
            return b.getAppointment();
        } else if (event instanceof AppointmentAmended a) {
            return a.getAppointment();
        } else if (event instanceof AppointmentCancelled c) {
            return c.getAppointment();
        }
        return null;
    }
}
