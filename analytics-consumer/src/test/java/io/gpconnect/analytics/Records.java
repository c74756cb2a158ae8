package io.gpconnect.analytics;

import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.appointment.AppointmentStatus;
import io.gpconnect.schemas.event.AppointmentAmended;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.CommandType;
import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.topics.AvroSerdes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records as the slot projection publishes them, built for tests. */
final class Records {
    static {
        // Avro 1.12 builds records only of classes it trusts; AvroSerdes is where the contract grants that trust.
        new AvroSerdes("http://127.0.0.1:1/unused");
    }

    private Records() {
    }

    static AppointmentEvent booked(String ods, String appointmentId, Instant decidedAt, Instant start) {
        return event(decidedAt, new AppointmentBooked(appointment(ods, appointmentId, start, AppointmentStatus.BOOKED)));
    }

    static AppointmentEvent amended(String ods, String appointmentId, Instant decidedAt, Instant start) {
        return event(decidedAt, new AppointmentAmended(appointment(ods, appointmentId, start, AppointmentStatus.BOOKED)));
    }

    static AppointmentEvent cancelled(String ods, String appointmentId, Instant decidedAt, Instant start) {
        return event(decidedAt, new AppointmentCancelled(appointment(ods, appointmentId, start, AppointmentStatus.CANCELLED)));
    }

    static AppointmentEvent rejected(Instant decidedAt, CommandType type, RejectionReason reason) {
        return event(decidedAt, CommandRejected.newBuilder().setCommandType(type).setReason(reason)
                .setDiagnostics("test").build());
    }

    static SlotAvailabilityChanged slot(String ods, String slotId, Instant start, SlotStatus status, String appointmentId) {
        return slot(ods, slotId, start, status, appointmentId, true);
    }

    static SlotAvailabilityChanged slot(String ods, String slotId, Instant start, SlotStatus status, String appointmentId,
                                        boolean gpConnectBookable) {
        SlotState state = SlotState.newBuilder()
                .setId(slotId)
                .setScheduleId("14")
                .setStart(start)
                .setEnd(start.plus(Duration.ofMinutes(10)))
                .setServiceType("General GP Appointment")
                .setDeliveryChannel("In-person")
                .setStatus(status)
                .setGpConnectBookable(gpConnectBookable)
                .setAppointmentId(appointmentId)
                .build();
        return SlotAvailabilityChanged.newBuilder().setPracticeOds(ods).setChangedAt(start).setSlot(state).build();
    }

    static AppointmentEvent patientRegistered(Instant decidedAt) {
        return event(decidedAt, new io.gpconnect.schemas.event.PatientRegistered(io.gpconnect.schemas.feed.PatientPublished.newBuilder()
                .setId("p1").setNhsNumber("9651260009").setFamily("NEW").setActive(true).setRegistrationType("T").build()));
    }

    static AppointmentEvent registrationRejected(Instant decidedAt) {
        return event(decidedAt, new io.gpconnect.schemas.event.PatientRegistrationRejected("9658218865",
                io.gpconnect.schemas.event.RegistrationRejectionReason.PATIENT_ALREADY_REGISTERED, "already registered"));
    }

    private static AppointmentEvent event(Instant decidedAt, Object outcome) {
        String commandId = UUID.randomUUID().toString();
        return AppointmentEvent.newBuilder()
                .setEventId(commandId + "/1")
                .setCommandId(commandId)
                .setOccurredAt(decidedAt)
                .setRequester(Requester.newBuilder().setFromAsid("200000000359").build())
                .setEvent(outcome)
                .build();
    }

    private static Appointment appointment(String ods, String id, Instant start, AppointmentStatus status) {
        return Appointment.newBuilder()
                .setId(id)
                .setVersion(1)
                .setStatus(status)
                .setPracticeOds(ods)
                .setScheduleId("14")
                .setSlotIds(List.of("slot-" + id))
                .setStart(start)
                .setEnd(start.plus(Duration.ofMinutes(10)))
                // The consumer's own "created": deliberately far from the decision, which lead time must use.
                .setCreated(Instant.parse("2020-01-01T10:00:00Z"))
                .setLastUpdated(start)
                .setDescription("Test appointment")
                .setPatientId("1")
                .setLocationId("1")
                .setBookingOrganisation(BookingOrganisation.newBuilder().setContainedId("1").setOdsCode("A20047")
                        .setName("Test Suite Validator").build())
                .setPractitionerRoleCode("R0260")
                .setPractitionerRoleDisplay("General Medical Practitioner")
                .setDeliveryChannel("In-person")
                .setServiceType("General GP Appointment")
                .build();
    }
}
