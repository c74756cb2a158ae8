package io.gpconnect.launcher;

import io.gpconnect.launcher.seed.DemoPractice;
import io.gpconnect.launcher.seed.PracticeData;
import io.gpconnect.launcher.seed.PracticeFeedRecords;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.schemas.feed.SlotPublished;
import io.gpconnect.schemas.slot.SlotState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole engine stopped and started again on the same data directory (an operator's restart, or a container
 * replaced with its volume kept). A booking made before is still read and its slot still taken, although the
 * start-up seed publishes every demo slot again; and start-up does not wait out its check that the seeded slots
 * reached the views, although the slot that check looks for first is the booked one, which is never listed.
 */
class EngineRestartTest {
    private static final String ODS = "A20047";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aBookingAndItsSlotSurviveARestartOnTheSameData() throws Exception {
        Engine.Options options = Engine.Options.defaults(dir.resolve("engine")).withPort(0);
        PracticeData practice = DemoPractice.load();
        SlotPublished latest = latestSeededBookableSlot(practice);
        String appointmentId = UUID.randomUUID().toString();
        FreeSlots.Found other;
        try (Engine engine = Engine.start(options)) {
            // The last bookable schedule is open to two other organisations only, so this booking is theirs.
            assertThat(decide(engine, book(appointmentId, latest, practice))).isInstanceOf(AppointmentBooked.class);
            other = FreeSlots.search(new GpConnectClient(engine.serviceRoot(), TIMEOUT), 1, 1).get(0); // tomorrow: not in the past
        }

        long started = System.nanoTime();
        try (Engine engine = Engine.start(options)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("start-up waits for the seed only while it is on its way (its check gives up at 120 s)")
                    .isLessThan(Duration.ofSeconds(90));
            GpConnectClient client = new GpConnectClient(engine.serviceRoot(), TIMEOUT);

            HttpResponse<String> read = client.get("/Appointment/" + appointmentId, "rest:read:appointment-1", "patient/*.read");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains("\"status\":\"booked\"", "Slot/" + latest.getId());
            assertThat(engine.store().queries().freeSlots(ODS, latest.getStart(), latest.getEnd()))
                    .extracting(SlotState::getId).doesNotContain(latest.getId());
            assertThat(decide(engine, book(UUID.randomUUID().toString(), latest, practice)))
                    .isInstanceOfSatisfying(CommandRejected.class, r -> assertThat(r.getReason()).isEqualTo(RejectionReason.SLOT_NOT_FREE));

            BookingAttempt fresh = BookingLoad.send(client, new BookingLoad.Request(List.of(other), "Patient/3"));
            assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
        }
    }

    /** The slot the start-up check looks for first: the last bookable one the seed publishes. */
    private static SlotPublished latestSeededBookableSlot(PracticeData practice) {
        return PracticeFeedRecords.slots(practice, LocalDate.now(ZoneId.of("Europe/London")), DemoPractice.ROLLING_DAYS, Instant.now())
                .stream().map(r -> (SlotPublished) r.getChange()).filter(SlotPublished::getGpConnectBookable)
                .reduce((a, b) -> b).orElseThrow();
    }

    private static AppointmentCommand book(String appointmentId, SlotPublished slot, PracticeData practice) {
        PracticeData.Schedule schedule = practice.schedules().stream().filter(s -> s.id().equals(slot.getScheduleId())).findFirst().orElseThrow();
        String organisation = slot.getBookableOdsCodes().isEmpty() ? ODS : slot.getBookableOdsCodes().get(0);
        return BookCommands.book("restart-" + UUID.randomUUID(), appointmentId, slot.getId(), slot.getStart(), slot.getEnd(),
                schedule.locationId(), schedule.practitionerIds().isEmpty() ? null : schedule.practitionerIds().get(0), organisation);
    }

    private static Object decide(Engine engine, AppointmentCommand command) throws Exception {
        BookCommands.send(engine, BookCommands.serialised(engine, command), 1);
        List<AppointmentEvent> answers = EventLog.answersTo(engine.settings(), command.getCommandId(), 1, TIMEOUT);
        assertThat(answers).as("the decision of " + command.getCommandId()).hasSize(1);
        return answers.get(0).getEvent();
    }
}
