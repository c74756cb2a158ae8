package io.gpconnect.launcher;

import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command delivered twice (the same record sent again) is answered twice with its first decision and applied
 * once: the processor finds it in its decided-command store by id and issue time and sends the stored event
 * again, where deciding it afresh would refuse the slot it had just booked.
 */
class RedeliveredCommandTest {

    @Test
    void theSameCommandSentTwiceIsAnsweredTwiceWithItsFirstDecisionAndBooksOnce() throws Exception {
        Engine engine = SharedEngine.get();
        GpConnectClient client = SharedEngine.client();
        List<FreeSlots.Found> free = FreeSlots.search(client, 5, 1);
        assertThat(free).isNotEmpty();
        FreeSlots.Found slot = free.get(free.size() - 1);
        String commandId = "redelivered-" + UUID.randomUUID();
        String appointmentId = UUID.randomUUID().toString();
        byte[] record = BookCommands.serialised(engine, BookCommands.book(commandId, appointmentId, slot));

        BookCommands.send(engine, record, 2);

        List<AppointmentEvent> answers = EventLog.answersTo(engine.settings(), commandId, 2, Duration.ofSeconds(30));
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).getEvent()).isInstanceOf(AppointmentBooked.class);
        assertThat(answers.get(1)).isEqualTo(answers.get(0));

        // The views apply the event (and, apart, the slot's change) a moment after it is committed.
        boolean slotStillOffered = FreeSlots.stillOffered(client, 5, 1, slot.id(), Duration.ofSeconds(10));
        HttpResponse<String> read = client.get("/Appointment/" + appointmentId, "rest:read:appointment-1", "patient/*.read");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (read.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            read = client.get("/Appointment/" + appointmentId, "rest:read:appointment-1", "patient/*.read");
        }
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(slotStillOffered).isFalse();
    }
}
