package io.gpconnect.analytics;

import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandType;
import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.schemas.slot.SlotStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.gpconnect.analytics.Records.booked;
import static io.gpconnect.analytics.Records.cancelled;
import static io.gpconnect.analytics.Records.rejected;
import static io.gpconnect.analytics.Records.slot;
import static org.assertj.core.api.Assertions.assertThat;

class AppointmentAnalyticsTest {
    private static final String ODS = "A20047";
    private final AppointmentAnalytics analytics = new AppointmentAnalytics(ZoneId.of("Europe/London"));

    @Test
    void countsEachDecisionOnTheDayItWasTaken() {
        Instant monday = Instant.parse("2025-03-03T10:00:00Z");
        analytics.onEvent(ODS, booked(ODS, "a1", monday, Instant.parse("2025-03-05T10:00:00Z")));
        analytics.onEvent(ODS, booked(ODS, "a2", monday.plusSeconds(60), Instant.parse("2025-03-03T14:01:00Z")));
        analytics.onEvent(ODS, Records.amended(ODS, "a1", monday.plusSeconds(120), Instant.parse("2025-03-05T10:00:00Z")));
        analytics.onEvent(ODS, rejected(monday.plusSeconds(180), CommandType.BOOK, RejectionReason.SLOT_NOT_FREE));
        analytics.onEvent(ODS, rejected(monday.plusSeconds(240), CommandType.BOOK, RejectionReason.SLOT_NOT_FREE));
        analytics.onEvent(ODS, rejected(monday.plusSeconds(300), CommandType.AMEND, RejectionReason.VERSION_MISMATCH));
        analytics.onEvent(ODS, cancelled(ODS, "a2", Instant.parse("2025-03-04T09:00:00Z"), Instant.parse("2025-03-03T14:01:00Z")));

        List<DailyFigures> figures = analytics.figures();

        assertThat(figures).extracting(DailyFigures::date)
                .containsExactly(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4));
        DailyFigures mon = figures.get(0);
        assertThat(mon.booked()).isEqualTo(2);
        assertThat(mon.amended()).isEqualTo(1);
        assertThat(mon.cancelled()).isZero();
        assertThat(mon.rejected()).isEqualTo(3);
        assertThat(mon.rejectedByReason()).containsExactly(
                Map.entry(RejectionReason.SLOT_NOT_FREE, 2), Map.entry(RejectionReason.VERSION_MISMATCH, 1));
        DailyFigures tue = figures.get(1);
        assertThat(tue.booked()).isZero();
        assertThat(tue.cancelled()).isEqualTo(1);
        assertThat(tue.leadTime()).isEmpty();
    }

    @Test
    void ignoresPatientRegistrationsOnTheEventsTopic() {
        Instant monday = Instant.parse("2025-03-03T10:00:00Z");
        analytics.onEvent(ODS, Records.patientRegistered(monday));
        analytics.onEvent(ODS, Records.registrationRejected(monday.plusSeconds(60)));
        assertThat(analytics.figures()).as("no practice day opened by registrations").isEmpty();

        analytics.onEvent(ODS, rejected(monday.plusSeconds(120), CommandType.BOOK, RejectionReason.SLOT_NOT_FREE));
        analytics.onEvent(ODS, Records.registrationRejected(monday.plusSeconds(180)));
        assertThat(analytics.figures()).singleElement().satisfies(day -> {
            assertThat(day.rejected()).isEqualTo(1);
            assertThat(day.booked()).isZero();
        });
    }

    @Test
    void leadTimeRunsFromTheBookingDecisionToTheAppointmentStart() {
        Instant decided = Instant.parse("2025-03-03T10:00:00Z");
        analytics.onEvent(ODS, booked(ODS, "a1", decided, decided.plus(Duration.ofHours(48))));
        analytics.onEvent(ODS, booked(ODS, "a2", decided, decided.plus(Duration.ofHours(4))));
        analytics.onEvent(ODS, booked(ODS, "a3", decided, decided.plus(Duration.ofHours(6))));

        LeadTime leadTime = analytics.figures().get(0).leadTime().orElseThrow();

        assertThat(leadTime.mean()).isEqualTo(Duration.ofHours(58).dividedBy(3));
        assertThat(leadTime.median()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void anEventPublishedAgainForARedeliveredCommandCountsOnce() {
        AppointmentEvent event = booked(ODS, "a1", Instant.parse("2025-03-03T10:00:00Z"), Instant.parse("2025-03-05T10:00:00Z"));
        analytics.onEvent(ODS, event);
        analytics.onEvent(ODS, AppointmentEvent.newBuilder(event).build());

        assertThat(analytics.figures().get(0).booked()).isEqualTo(1);
    }

    @Test
    void daysAreThePracticesDaysNotUtcDays() {
        // 23:30 UTC on 1 June is 00:30 British Summer Time on 2 June.
        analytics.onEvent(ODS, booked(ODS, "a1", Instant.parse("2025-06-01T23:30:00Z"), Instant.parse("2025-06-03T09:00:00Z")));

        assertThat(analytics.figures().get(0).date()).isEqualTo(LocalDate.of(2025, 6, 2));
    }

    @Test
    void practicesAreReportedApart() {
        Instant decided = Instant.parse("2025-03-03T10:00:00Z");
        analytics.onEvent("B82001", booked("B82001", "b1", decided, decided.plus(Duration.ofDays(1))));
        analytics.onEvent(ODS, booked(ODS, "a1", decided, decided.plus(Duration.ofDays(1))));
        analytics.onEvent(ODS, booked(ODS, "a2", decided, decided.plus(Duration.ofDays(1))));

        assertThat(analytics.figures()).extracting(DailyFigures::practiceOds, DailyFigures::booked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ODS, 2), org.assertj.core.groups.Tuple.tuple("B82001", 1));
    }

    @Test
    void utilisationIsSlotsHeldByGpConnectAppointmentsOverSlotsOfferedToThem() {
        Instant nine = Instant.parse("2025-03-05T09:00:00Z");
        analytics.onSlotChange(ODS, slot(ODS, "s1", nine, SlotStatus.FREE, null));
        analytics.onSlotChange(ODS, slot(ODS, "s2", nine.plusSeconds(600), SlotStatus.FREE, null));
        analytics.onSlotChange(ODS, slot(ODS, "s2", nine.plusSeconds(600), SlotStatus.BUSY, "a2"));
        // Filled by the practice itself, withdrawn, or never made bookable: none was on offer to GP Connect.
        analytics.onSlotChange(ODS, slot(ODS, "s3", nine.plusSeconds(1200), SlotStatus.BUSY, null));
        analytics.onSlotChange(ODS, slot(ODS, "s4", nine.plusSeconds(1800), SlotStatus.WITHDRAWN, null));
        analytics.onSlotChange(ODS, slot(ODS, "s5", nine.plusSeconds(2400), SlotStatus.FREE, null, false));
        // Booked, then cancelled: free again, so offered but not filled.
        analytics.onSlotChange(ODS, slot(ODS, "s6", nine.plusSeconds(3000), SlotStatus.BUSY, "a6"));
        analytics.onSlotChange(ODS, slot(ODS, "s6", nine.plusSeconds(3000), SlotStatus.FREE, null));

        DailyFigures wednesday = analytics.figures().get(0);

        assertThat(wednesday.date()).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(wednesday.slotsOffered()).isEqualTo(3);
        assertThat(wednesday.slotsBooked()).isEqualTo(1);
        assertThat(wednesday.utilisation()).hasValueCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSlotBookedThroughGpConnectStaysOfferedWhenThePracticeLaterMarksItNotBookable() {
        Instant nine = Instant.parse("2025-03-05T09:00:00Z");
        analytics.onSlotChange(ODS, slot(ODS, "s1", nine, SlotStatus.BUSY, "a1", false));

        DailyFigures day = analytics.figures().get(0);

        assertThat(day.slotsOffered()).isEqualTo(1);
        assertThat(day.utilisation()).hasValue(1.0);
    }

    @Test
    void aDayWithDecisionsButNoOfferedSlotsHasNoUtilisation() {
        analytics.onEvent(ODS, rejected(Instant.parse("2025-03-03T10:00:00Z"), CommandType.BOOK, RejectionReason.SLOT_NOT_FOUND));

        assertThat(analytics.figures().get(0).utilisation()).isEmpty();
    }
}
