package io.gpconnect.launcher;

import io.gpconnect.kafka.embedded.LocalBroker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes down while bookings are in flight and comes back on the same port over the same log. The
 * clients meanwhile get a decision or the documented 503, never a hang or a 500; the engine's producer and
 * both Streams applications find the broker again by themselves; and nothing is lost or booked twice. Run with
 * the broker in the engine's JVM and in its own process (what `./gpconnect serve` starts).
 */
class BrokerRestartTest {
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LocalBroker.Placement.class)
    void bookingsAcrossABrokerRestartAreDecidedOnceOrAnswered503(LocalBroker.Placement placement) throws Exception {
        Engine.Options options = Engine.Options.defaults(dir).withPort(0).withDecisionTimeout(DECISION_TIMEOUT)
                .withBrokerPlacement(placement);
        try (Engine engine = Engine.start(options)) {
            GpConnectClient client = new GpConnectClient(engine.serviceRoot());
            LocalBroker broker = engine.embeddedBroker().orElseThrow();
            List<FreeSlots.Found> slots = new ArrayList<>(FreeSlots.search(client, 1, 13));
            Collections.shuffle(slots, new Random(3));

            BookingLoad load = BookingLoad.start(client, BookingLoad.contested(slots.subList(0, 50)), 4, Duration.ofMillis(150));
            load.awaitSent(load.size() / 4);
            broker.stop();
            Instant down = Instant.now();
            // Long enough that requests sent now outlive the decision timeout.
            Thread.sleep(DECISION_TIMEOUT.toMillis());
            Instant up = Instant.now();
            broker.restart();
            List<BookingAttempt> answers = load.answers(Duration.ofSeconds(120));
            System.out.println("Answers across the broker restart: " + BookingAudit.statusCounts(answers));
            assertThat(answers).as("bookings sent while the broker was down")
                    .anyMatch(a -> a.sentAt().isAfter(down) && a.sentAt().isBefore(up));

            assertThat(answers).as("answers other than 201, 409 or the documented 503")
                    .filteredOn(a -> a.status() != 201 && a.status() != 409 && !(a.status() == 503 && a.spineCode().equals("INTERNAL_SERVER_ERROR")))
                    .isEmpty();
            assertThat(answers).as("answers later than the decision timeout allows")
                    .filteredOn(a -> a.waited().compareTo(DECISION_TIMEOUT.plusSeconds(5)) > 0).isEmpty();
            assertThat(answers).as("refusals that are not DUPLICATE_REJECTED")
                    .filteredOn(a -> a.refused() && !a.spineCode().equals("DUPLICATE_REJECTED")).isEmpty();
            assertThat(answers).as("some bookings were decided").anyMatch(BookingAttempt::booked);

            BookingAttempt after = awaitBooked(client, new BookingLoad.Request(List.of(slots.get(60)), "Patient/1"));
            List<BookingAttempt> all = new ArrayList<>(answers);
            all.add(after);

            Map<String, String> views = ViewDump.settled(engine, Duration.ofSeconds(2), Duration.ofSeconds(60));
            BookingAudit.of(engine.settings(), all).assertConsistent().assertReadable(client);
            ViewDump.assertRebuildEquals(engine, dir.resolve("rebuild"), views);
        }
    }

    /** The engine recovers by itself: a new booking after the restart succeeds without anything restarted by hand. */
    private static BookingAttempt awaitBooked(GpConnectClient client, BookingLoad.Request request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        BookingAttempt a = BookingLoad.send(client, request);
        while (a.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            a = BookingLoad.send(client, request);
        }
        assertThat(a.status()).as("a booking after the broker came back: " + a.body()).isEqualTo(201);
        return a;
    }
}
