package io.gpconnect.slots;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.slot.SlotState;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A practice's book held in maps, for deciding commands without Kafka. */
final class InMemoryPracticeBook implements PracticeBook {
    final Map<String, SlotState> slots = new HashMap<>();
    final Map<String, SchedulePublished> schedules = new HashMap<>();
    final Map<String, PatientPublished> patients = new HashMap<>();
    final Map<String, Appointment> appointments = new HashMap<>();

    @Override
    public Optional<SlotState> slot(String ods, String slotId) {
        return Optional.ofNullable(slots.get(slotId));
    }

    @Override
    public Optional<SchedulePublished> schedule(String ods, String scheduleId) {
        return Optional.ofNullable(schedules.get(scheduleId));
    }

    @Override
    public Optional<PatientPublished> patient(String ods, String patientId) {
        return Optional.ofNullable(patients.get(patientId));
    }

    @Override
    public Optional<PatientPublished> patientByNhsNumber(String ods, String nhsNumber) {
        return patients.values().stream().filter(p -> p.getNhsNumber().equals(nhsNumber)).findFirst();
    }

    @Override
    public Optional<Appointment> appointment(String ods, String appointmentId) {
        return Optional.ofNullable(appointments.get(appointmentId));
    }

    /** Applies an accepted decision, as the processor does to its stores. */
    void apply(Decision decision) {
        if (decision instanceof Decision.Accepted a) {
            appointments.put(a.appointment().getId(), a.appointment());
            a.slotChanges().forEach(s -> slots.put(s.after().getId(), s.after()));
        }
    }
}
