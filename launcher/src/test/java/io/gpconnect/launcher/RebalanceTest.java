package io.gpconnect.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slot projection members join and leave the group while bookings are in flight, so the practice's task moves
 * between instances under exactly_once_v2, twice: A alone, B joins, A leaves (all tasks to B, restored from
 * the changelogs), A comes back, B leaves (all tasks back to A). Every command must still be decided once,
 * against the state its predecessor committed.
 */
class RebalanceTest {
    @TempDir
    Path dir;

    @Test
    void tasksHandedBetweenProcessorsMidLoadDecideEveryBookingOnce() throws Exception {
        Duration decisionTimeout = Duration.ofSeconds(30);
        Engine.Options options = Engine.Options.defaults(dir.resolve("engine")).withPort(0).withoutProjection()
                .withDecisionTimeout(decisionTimeout);
        try (Engine engine = Engine.start(options)) {
            int partitions = engine.settings().partitions();
            RelayProcessor a = RelayProcessor.start("A", engine.settings(), dir.resolve("a"));
            RelayProcessor b = null;
            try {
                GpConnectClient client = new GpConnectClient(engine.serviceRoot(), decisionTimeout.plusSeconds(30));
                List<FreeSlots.Found> slots = FreeSlots.await(client, 100);
                Collections.shuffle(slots, new Random(5));
                BookingLoad load = BookingLoad.start(client, BookingLoad.contested(slots.subList(0, 60)), 4, Duration.ofMillis(100));

                load.awaitSent(load.size() / 5);
                b = RelayProcessor.start("B", engine.settings(), dir.resolve("b"));
                b.awaitRunning(Duration.ofSeconds(60));
                load.awaitSent(2 * load.size() / 5);
                a.close();
                b.awaitActiveTasks(partitions, Duration.ofSeconds(60));
                a = RelayProcessor.start("A", engine.settings(), dir.resolve("a"));
                a.awaitRunning(Duration.ofSeconds(60));
                load.awaitSent(3 * load.size() / 5);
                b.close();
                b = null;
                a.awaitActiveTasks(partitions, Duration.ofSeconds(60));
                List<BookingAttempt> answers = load.answers(Duration.ofSeconds(120));
                System.out.println("Answers across the rebalances: " + BookingAudit.statusCounts(answers));

                // The decision timeout outlasts a handover: every client gets a decision, not a 503.
                assertThat(answers).as("answers other than a decision").filteredOn(BookingAttempt::undetermined).isEmpty();
                assertThat(answers).as("both instances answered: some bookings made").anyMatch(BookingAttempt::booked);
                BookingAudit audit = BookingAudit.of(engine.settings(), answers).assertConsistent().assertReadable(client);
                assertThat(audit.events()).as("one committed outcome per request").hasSize(answers.size());
                Map<String, String> views = ViewDump.settled(engine, Duration.ofSeconds(1), Duration.ofSeconds(60));
                ViewDump.assertRebuildEquals(engine, dir.resolve("rebuild"), views);
            } finally {
                a.close();
                if (b != null) {
                    b.close();
                }
            }
        }
    }
}
