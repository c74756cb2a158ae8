package io.gpconnect.slots;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.slot.SlotState;

import java.util.Optional;

/**
 * What the deciders may read: one practice's slots, schedules, patients and appointments, as held by the
 * processor's state stores. Only the partition's single writer ever sees or changes them.
 */
public interface PracticeBook {
    Optional<SlotState> slot(String ods, String slotId);

    Optional<SchedulePublished> schedule(String ods, String scheduleId);

    Optional<PatientPublished> patient(String ods, String patientId);

    Optional<PatientPublished> patientByNhsNumber(String ods, String nhsNumber);

    Optional<Appointment> appointment(String ods, String appointmentId);
}
