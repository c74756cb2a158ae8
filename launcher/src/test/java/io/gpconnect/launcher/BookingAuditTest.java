package io.gpconnect.launcher;

import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.appointment.AppointmentStatus;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.CommandType;
import io.gpconnect.schemas.event.RejectionReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault tests are only as good as their audit: each broken story must fail it. */
class BookingAuditTest {
    private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

    @Test
    void aConsistentStoryPasses() {
        BookingAudit.over(List.of(answered(201, "1", "s1", "a1"), answered(409, "2", "s1", null), answered(503, "3", "s2", null)),
                List.of(booked("c1", "a1", "1", "s1"), rejected("c2"), booked("c3", "a3", "3", "s2"))).assertConsistent();
    }

    @Test
    void aRefusedRequestThatWasBookedFails() {
        assertThatThrownBy(() -> BookingAudit.over(List.of(answered(409, "2", "s1", null)),
                List.of(booked("c1", "a1", "2", "s1"))).assertConsistent()).hasMessageContaining("bookings of 2 [s1]");
    }

    @Test
    void a201WithoutACommittedBookingFails() {
        assertThatThrownBy(() -> BookingAudit.over(List.of(answered(201, "1", "s1", "a1")), List.of(rejected("c1")))
                .assertConsistent()).hasMessageContaining("Appointment/a1");
    }

    @Test
    void aSlotInTwoLiveAppointmentsFails() {
        List<BookingAttempt> unknown = List.of(answered(503, "1", "s1", null), answered(503, "2", "s1", null));
        assertThatThrownBy(() -> BookingAudit.over(unknown, List.of(booked("c1", "a1", "1", "s1"), booked("c2", "a2", "2", "s1")))
                .assertConsistent()).hasMessageContaining("slots held by two live appointments");
        // Cancelled first, the slot is free again: booking it a second time is no double booking.
        BookingAudit.over(unknown, List.of(booked("c1", "a1", "1", "s1"), cancelled("c3", "a1", "1", "s1"), booked("c2", "a2", "2", "s1")))
                .assertConsistent();
    }

    @Test
    void aCommandDecidedTwiceFails() {
        assertThatThrownBy(() -> BookingAudit.over(List.of(answered(409, "1", "s1", null)), List.of(rejected("c1"), rejected("c1")))
                .assertConsistent()).hasMessageContaining("decided more than once");
    }

    @Test
    void anAnsweredRequestWithNoDecisionFails() {
        assertThatThrownBy(() -> BookingAudit.over(List.of(answered(409, "1", "s1", null)), List.of()).assertConsistent())
                .hasMessageContaining("decided bookings");
        assertThat(BookingAudit.over(List.of(answered(503, "1", "s1", null)), List.of()).booked()).isEmpty();
    }

    private static BookingAttempt answered(int status, String patient, String slot, String appointmentId) {
        String body = appointmentId == null ? "{}" : "{\"id\":\"" + appointmentId + "\"}";
        return new BookingAttempt("Patient/" + patient, List.of(slot), status, body, NOW, Duration.ofMillis(10));
    }

    private static AppointmentEvent booked(String command, String id, String patient, String slot) {
        return event(command, new AppointmentBooked(appointment(id, patient, slot, AppointmentStatus.BOOKED)));
    }

    private static AppointmentEvent cancelled(String command, String id, String patient, String slot) {
        return event(command, new AppointmentCancelled(appointment(id, patient, slot, AppointmentStatus.CANCELLED)));
    }

    private static AppointmentEvent rejected(String command) {
        return event(command, CommandRejected.newBuilder().setCommandType(CommandType.BOOK)
                .setReason(RejectionReason.SLOT_NOT_FREE).setDiagnostics("taken").build());
    }

    private static AppointmentEvent event(String command, Object outcome) {
        return AppointmentEvent.newBuilder().setEventId(command + "/1").setCommandId(command).setOccurredAt(NOW)
                .setRequester(Requester.newBuilder().build()).setEvent(outcome).build();
    }

    private static Appointment appointment(String id, String patient, String slot, AppointmentStatus status) {
        return Appointment.newBuilder().setId(id).setVersion(1).setStatus(status).setPracticeOds("A20047").setScheduleId("1")
                .setSlotIds(List.of(slot)).setStart(NOW).setEnd(NOW.plusSeconds(600)).setCreated(NOW).setLastUpdated(NOW)
                .setDescription("test").setPatientId(patient).setLocationId("1")
                .setBookingOrganisation(BookingOrganisation.newBuilder().setContainedId("1").setOdsCode("A20047").setName("x").build())
                .setPractitionerRoleCode("R0260").setPractitionerRoleDisplay("GP").setDeliveryChannel("In-person").setServiceType("GP")
                .build();
    }
}
