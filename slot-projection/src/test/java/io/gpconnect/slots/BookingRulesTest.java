package io.gpconnect.slots;

import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.slots.book.BookingDecider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.gpconnect.slots.Practices.NOW;
import static io.gpconnect.slots.Practices.booking;
import static io.gpconnect.slots.Practices.practice;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec §5.1 slot rules and §5.6 availability rules, decided against an in-memory slot book. */
class BookingRulesTest {
    private final BookingDecider decider = new BookingDecider();

    @Test
    void aFreeSlotIsBookedAndBecomesBusy() {
        InMemoryPracticeBook book = practice();
        Decision d = decider.decide("A1", booking(book, "ap1", "a0").build(), NOW, book);
        assertThat(d).isInstanceOf(Decision.Accepted.class);
        Decision.Accepted a = (Decision.Accepted) d;
        assertThat(a.appointment().getVersion()).isEqualTo(1);
        assertThat(a.appointment().getPractitionerRoleCode()).isEqualTo("R0260");
        assertThat(a.appointment().getDeliveryChannel()).isEqualTo("In-person");
        assertThat(a.slotChanges()).singleElement().satisfies(s -> {
            assertThat(s.after().getStatus()).isEqualTo(SlotStatus.BUSY);
            assertThat(s.after().getAppointmentId()).isEqualTo("ap1");
            assertThat(s.before()).isEqualTo(book.slots.get("a0"));
            assertThat(s.before().getStatus()).isEqualTo(SlotStatus.FREE);
        });
    }

    @Test
    void theSecondBookingOfASlotIsRefusedAsNotFree() {
        InMemoryPracticeBook book = practice();
        book.apply(decider.decide("A1", booking(book, "ap1", "a0").build(), NOW, book));
        assertThat(reason(decider.decide("A1", booking(book, "ap2", "a0").build(), NOW, book))).isEqualTo(RejectionReason.SLOT_NOT_FREE);
    }

    @Test
    void aMultiSlotBookingTakesAllContiguousSlotsOrNone() {
        InMemoryPracticeBook book = practice();
        book.apply(decider.decide("A1", booking(book, "single", "a2").build(), NOW, book));
        Decision refused = decider.decide("A1", booking(book, "multi", "a1", "a2", "a3").build(), NOW, book);
        assertThat(reason(refused)).isEqualTo(RejectionReason.SLOT_NOT_FREE);
        assertThat(book.slots.get("a1").getStatus()).isEqualTo(SlotStatus.FREE);
        assertThat(book.slots.get("a3").getStatus()).isEqualTo(SlotStatus.FREE);

        Decision accepted = decider.decide("A1", booking(book, "multi2", "a3", "a4", "a5").build(), NOW, book);
        assertThat(((Decision.Accepted) accepted).slotChanges()).hasSize(3).allMatch(s -> s.after().getStatus() == SlotStatus.BUSY);
    }

    @Test
    void slotsMustBeContiguousInOneScheduleWithOneChannelAndServiceType() {
        InMemoryPracticeBook book = practice();
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0", "a2").build(), NOW, book)))
                .isEqualTo(RejectionReason.SLOTS_NOT_CONTIGUOUS);
        assertThat(reason(decider.decide("A1", booking(book, "x", "a5", "b0").setStart(book.slots.get("a5").getStart()).build(), NOW, book)))
                .isEqualTo(RejectionReason.SLOTS_IN_DIFFERENT_SCHEDULES);
        book.slots.put("a1", SlotState.newBuilder(book.slots.get("a1")).setDeliveryChannel("Telephone").build());
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0", "a1").build(), NOW, book)))
                .isEqualTo(RejectionReason.SLOTS_DIFFER_IN_DELIVERY_CHANNEL);
        book.slots.put("a4", SlotState.newBuilder(book.slots.get("a4")).setServiceType("Other").build());
        assertThat(reason(decider.decide("A1", booking(book, "x", "a3", "a4").build(), NOW, book)))
                .isEqualTo(RejectionReason.SLOTS_DIFFER_IN_SERVICE_TYPE);
    }

    @Test
    void startAndEndMustMatchTheSlots() {
        InMemoryPracticeBook book = practice();
        var command = booking(book, "x", "a0").setEnd(book.slots.get("a0").getEnd().plus(Duration.ofMinutes(5))).build();
        assertThat(reason(decider.decide("A1", command, NOW, book))).isEqualTo(RejectionReason.TIMES_DO_NOT_MATCH_SLOTS);
    }

    @Test
    void unknownSlotsPatientsLocationsAndPractitionersAreRefused() {
        InMemoryPracticeBook book = practice();
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").setSlotIds(List.of("nope")).build(), NOW, book)))
                .isEqualTo(RejectionReason.SLOT_NOT_FOUND);
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").setPatientId("99").build(), NOW, book)))
                .isEqualTo(RejectionReason.PATIENT_NOT_FOUND);
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").setLocationId("L9").build(), NOW, book)))
                .isEqualTo(RejectionReason.LOCATION_NOT_OF_SCHEDULE);
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").setPractitionerId("P9").build(), NOW, book)))
                .isEqualTo(RejectionReason.PRACTITIONER_NOT_OF_SCHEDULE);
    }

    @Test
    void sensitiveDeceasedSupersededOrInactivePatientsCannotBeBooked() {
        InMemoryPracticeBook book = practice();
        var p = book.patients.get("1");
        for (var flagged : List.of(
                io.gpconnect.schemas.feed.PatientPublished.newBuilder(p).setSensitive(true).build(),
                io.gpconnect.schemas.feed.PatientPublished.newBuilder(p).setDeceased(true).build(),
                io.gpconnect.schemas.feed.PatientPublished.newBuilder(p).setSuperseded(true).build(),
                io.gpconnect.schemas.feed.PatientPublished.newBuilder(p).setActive(false).build())) {
            book.patients.put("1", flagged);
            assertThat(reason(decider.decide("A1", booking(book, "x", "a0").build(), NOW, book))).isEqualTo(RejectionReason.PATIENT_NOT_FOUND);
        }
    }

    @Test
    void slotsInThePastOrNotBookableThroughGpConnectAreRefused() {
        InMemoryPracticeBook book = practice();
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").build(), Practices.T0.plusSeconds(1), book)))
                .isEqualTo(RejectionReason.SLOT_IN_PAST);
        book.slots.put("a0", SlotState.newBuilder(book.slots.get("a0")).setGpConnectBookable(false).build());
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").build(), NOW, book))).isEqualTo(RejectionReason.SLOT_NOT_BOOKABLE);
    }

    @Test
    void restrictedSlotsAreOfferedOnlyToMatchingOrganisations() {
        InMemoryPracticeBook book = practice();
        book.slots.put("a0", SlotState.newBuilder(book.slots.get("a0")).setBookableOdsCodes(List.of("A20047")).build());
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").build(), NOW, book))).isEqualTo(RejectionReason.ORGANISATION_NOT_PERMITTED);
        book.slots.put("a1", SlotState.newBuilder(book.slots.get("a1")).setBookableOrgTypes(List.of("urgent-care")).build());
        var untyped = booking(book, "y", "a1").build();
        assertThat(reason(decider.decide("A1", untyped, NOW, book))).isEqualTo(RejectionReason.ORGANISATION_NOT_PERMITTED);
        var typed = booking(book, "y", "a1").setBookingOrganisation(io.gpconnect.schemas.BookingOrganisation
                .newBuilder(untyped.getBookingOrganisation()).setOrganisationType("urgent-care").build()).build();
        assertThat(decider.decide("A1", typed, NOW, book)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void consumerSentDeliveryChannelAndRoleMustAgreeWithTheSlot() {
        InMemoryPracticeBook book = practice();
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").setDeliveryChannel("Video").build(), NOW, book)))
                .isEqualTo(RejectionReason.DELIVERY_CHANNEL_MISMATCH);
        assertThat(reason(decider.decide("A1", booking(book, "x", "a0").setPractitionerRoleCode("R0000").build(), NOW, book)))
                .isEqualTo(RejectionReason.PRACTITIONER_ROLE_MISMATCH);
    }

    static RejectionReason reason(Decision d) {
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) d).reason();
    }
}
