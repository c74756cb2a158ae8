package io.gpconnect.slots;

import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A small practice: schedule S1 at Location L1 with Practitioner P1, ten-minute slots from T0, patient 1. */
final class Practices {
    static final Instant NOW = Instant.parse("2030-06-03T12:00:00Z");
    static final Instant T0 = Instant.parse("2030-06-04T08:00:00Z");

    private Practices() {
    }

    static InMemoryPracticeBook practice() {
        InMemoryPracticeBook book = new InMemoryPracticeBook();
        book.schedules.put("S1", SchedulePublished.newBuilder().setId("S1").setLocationId("L1").setPractitionerId("P1")
                .setPractitionerRoleCode("R0260").setPractitionerRoleDisplay("General Medical Practitioner")
                .setServiceCategory("GP").setPlanningHorizonStart(T0).setPlanningHorizonEnd(T0.plus(Duration.ofDays(14))).build());
        book.schedules.put("S2", SchedulePublished.newBuilder(book.schedules.get("S1")).setId("S2").build());
        for (int i = 0; i < 6; i++) {
            book.slots.put("a" + i, slot("a" + i, "S1", T0.plus(Duration.ofMinutes(10L * i))));
        }
        book.slots.put("b0", slot("b0", "S2", T0.plus(Duration.ofMinutes(60))));
        book.patients.put("1", PatientPublished.newBuilder().setId("1").setNhsNumber("9658218865").setFamily("Wright").build());
        return book;
    }

    static SlotState slot(String id, String schedule, Instant start) {
        return SlotState.newBuilder().setId(id).setScheduleId(schedule).setStart(start).setEnd(start.plus(Duration.ofMinutes(10)))
                .setServiceType("General").setDeliveryChannel("In-person").setStatus(SlotStatus.FREE).build();
    }

    static BookAppointment.Builder booking(InMemoryPracticeBook book, String appointmentId, String... slotIds) {
        List<SlotState> slots = java.util.Arrays.stream(slotIds).map(book.slots::get).toList();
        return BookAppointment.newBuilder()
                .setAppointmentId(appointmentId)
                .setSlotIds(List.of(slotIds))
                .setStart(slots.get(0).getStart())
                .setEnd(slots.get(slots.size() - 1).getEnd())
                .setCreated(NOW)
                .setDescription("Review")
                .setPatientId("1")
                .setLocationId("L1")
                .setPractitionerId("P1")
                .setBookingOrganisation(BookingOrganisation.newBuilder().setContainedId("1").setOdsCode("B81016")
                        .setName("Urgent care").build());
    }
}
