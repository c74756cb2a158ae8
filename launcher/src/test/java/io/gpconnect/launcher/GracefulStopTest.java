package io.gpconnect.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine stopped gracefully (SIGTERM, Ctrl-C) while bookings are in flight answers every request it has
 * taken before it stops anything else: a consumer told nothing does not know whether it booked. The facade used
 * to stop first and drop its connections, including ones whose booking had been made (race/fault probe, session 13).
 */
class GracefulStopTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void everyRequestTakenBeforeTheStopIsAnswered() throws Exception {
        List<BookingAttempt> attempts;
        Engine engine = Engine.start(Engine.Options.defaults(dir.resolve("engine")).withPort(0));
        try {
            GpConnectClient client = new GpConnectClient(engine.serviceRoot(), TIMEOUT);
            List<FreeSlots.Found> slots = FreeSlots.search(client, 2, 2).subList(0, 40);
            List<BookingLoad.Request> requests = new ArrayList<>();
            for (FreeSlots.Found slot : slots) {
                requests.add(new BookingLoad.Request(List.of(slot), "Patient/1"));
            }
            BookingLoad load = BookingLoad.start(client, requests, 40, Duration.ZERO);
            load.awaitSent(requests.size());
            Thread.sleep(200); // the requests are on the wire, most not yet decided (a fresh engine takes 0.5 s and more)
            engine.close();
            attempts = load.answers(TIMEOUT);
        } finally {
            engine.close();
        }

        Map<Integer, Integer> statuses = new TreeMap<>();
        attempts.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
        // Answered (booked, or 503 if it came after the stop began), or never let in: a client whose connection was
        // refused knows nothing happened. A connection closed without an answer is what must not happen.
        assertThat(attempts).as("statuses %s", statuses).hasSize(40).allSatisfy(a -> {
            if (a.status() == BookingAttempt.NO_ANSWER) {
                assertThat(a.body()).as("never reached the engine").contains("ConnectException");
            } else {
                assertThat(a.status()).as(a.body()).isIn(201, 503);
            }
        });
        assertThat(statuses).as("some bookings were in flight and finished").containsKey(201);
    }
}
