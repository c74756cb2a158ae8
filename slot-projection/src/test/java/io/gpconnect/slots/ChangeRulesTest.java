package io.gpconnect.slots;

import io.gpconnect.schemas.appointment.AppointmentStatus;
import io.gpconnect.schemas.command.AmendAppointment;
import io.gpconnect.schemas.command.CancelAppointment;
import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.slots.amend.AmendDecider;
import io.gpconnect.slots.book.BookingDecider;
import io.gpconnect.slots.cancel.CancelDecider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.gpconnect.slots.BookingRulesTest.reason;
import static io.gpconnect.slots.Practices.NOW;
import static io.gpconnect.slots.Practices.booking;
import static io.gpconnect.slots.Practices.practice;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec §5.2 amend, §5.3 cancel and §2.9 versions. */
class ChangeRulesTest {
    private final AmendDecider amend = new AmendDecider();
    private final CancelDecider cancel = new CancelDecider();
    private InMemoryPracticeBook book;

    @BeforeEach
    void booked() {
        book = practice();
        book.apply(new BookingDecider().decide("A1", booking(book, "ap1", "a0", "a1").build(), NOW, book));
    }

    @Test
    void amendChangesTextsAndTheVersion() {
        Decision d = amend.decide("A1", new AmendAppointment("ap1", 1L, "New description", "A comment"), NOW, book);
        var a = ((Decision.Accepted) d).appointment();
        assertThat(a.getVersion()).isEqualTo(2);
        assertThat(a.getDescription()).isEqualTo("New description");
        assertThat(a.getComment()).isEqualTo("A comment");
        assertThat(a.getSlotIds()).containsExactly("a0", "a1");
    }

    @Test
    void aStaleVersionIsAConflict() {
        book.apply(amend.decide("A1", new AmendAppointment("ap1", 1L, "v2", null), NOW, book));
        assertThat(reason(amend.decide("A1", new AmendAppointment("ap1", 1L, "v3", null), NOW, book))).isEqualTo(RejectionReason.VERSION_MISMATCH);
        assertThat(reason(cancel.decide("A1", new CancelAppointment("ap1", 1L, "no"), NOW, book))).isEqualTo(RejectionReason.VERSION_MISMATCH);
    }

    @Test
    void cancelFreesTheSlotsAndCannotBeAmendedOrCancelledAgain() {
        Decision d = cancel.decide("A1", new CancelAppointment("ap1", 1L, "Patient no longer requires appointment"), NOW, book);
        var accepted = (Decision.Accepted) d;
        assertThat(accepted.appointment().getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(accepted.appointment().getCancellationReason()).isEqualTo("Patient no longer requires appointment");
        assertThat(accepted.slotChanges()).hasSize(2)
                .allMatch(s -> s.after().getStatus() == SlotStatus.FREE && s.after().getAppointmentId() == null)
                .allMatch(s -> s.before().getStatus() == SlotStatus.BUSY && "ap1".equals(s.before().getAppointmentId()));
        book.apply(d);
        assertThat(reason(amend.decide("A1", new AmendAppointment("ap1", 2L, "x", null), NOW, book))).isEqualTo(RejectionReason.APPOINTMENT_CANCELLED);
        assertThat(reason(cancel.decide("A1", new CancelAppointment("ap1", 2L, "again"), NOW, book))).isEqualTo(RejectionReason.APPOINTMENT_CANCELLED);
        assertThat(new BookingDecider().decide("A1", booking(book, "ap2", "a0").build(), NOW, book)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void pastAppointmentsCannotBeChanged() {
        var later = Practices.T0.plusSeconds(60);
        assertThat(reason(amend.decide("A1", new AmendAppointment("ap1", 1L, "x", null), later, book))).isEqualTo(RejectionReason.APPOINTMENT_IN_PAST);
        assertThat(reason(cancel.decide("A1", new CancelAppointment("ap1", 1L, "x"), later, book))).isEqualTo(RejectionReason.APPOINTMENT_IN_PAST);
    }

    @Test
    void unknownAppointmentsAreNotFound() {
        assertThat(reason(amend.decide("A1", new AmendAppointment("nope", null, "x", null), NOW, book))).isEqualTo(RejectionReason.APPOINTMENT_NOT_FOUND);
    }
}
