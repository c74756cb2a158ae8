package io.gpconnect.launcher;

import io.gpconnect.schemas.event.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision processor runs in its own JVM and is SIGKILLed in the middle of a booking load, then started
 * again. Exactly-once must hold across the crash: one outcome per command, every 201 one booking, no slot
 * booked twice. Then the processor's local state is deleted and it must restore from its changelogs.
 */
class ProcessorFailoverTest {
    @TempDir
    Path dir;

    @Test
    void aProcessorKilledMidStreamAndRestartedLosesAndDoublesNothing() throws Exception {
        Duration decisionTimeout = Duration.ofSeconds(60);
        Engine.Options options = Engine.Options.defaults(dir.resolve("engine")).withPort(0).withoutProjection()
                .withDecisionTimeout(decisionTimeout);
        try (Engine engine = Engine.start(options)) {
            Path log = dir.resolve("processor.log");
            ChildProcessor processor = ChildProcessor.start(engine.settings(), dir.resolve("processor"), log);
            try {
                GpConnectClient client = new GpConnectClient(engine.serviceRoot(), decisionTimeout.plusSeconds(30));
                List<FreeSlots.Found> slots = FreeSlots.await(client, 200);
                Collections.shuffle(slots, new Random(7));
                List<FreeSlots.Found> targets = slots.subList(0, 100);
                // Each slot is asked for twice, by different patients: one must win, one must get 409.
                BookingLoad load = BookingLoad.start(client, BookingLoad.contested(targets), 16, Duration.ZERO);
                load.awaitSent(load.size() / 3);
                processor.kill();
                processor = ChildProcessor.start(engine.settings(), dir.resolve("processor"), log);
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (!load.awaitDone(Duration.ofSeconds(1))) {
                    assertThat(processor.isAlive()).as("the restarted processor is running (see " + log + ")").isTrue();
                    assertThat(System.nanoTime()).as("all bookings answered in time").isLessThan(deadline);
                }
                List<BookingAttempt> answers = load.answers(Duration.ZERO);

                // The decision timeout outlasts the crash: every client gets a decision, not a 503.
                assertThat(answers).as("answers other than a decision").filteredOn(BookingAttempt::undetermined).isEmpty();
                Map<List<String>, List<Integer>> statusesBySlot = answers.stream().collect(Collectors.groupingBy(
                        BookingAttempt::slotIds, Collectors.mapping(BookingAttempt::status, Collectors.toList())));
                statusesBySlot.forEach((slot, statuses) -> assertThat(statuses).as("Slot/" + slot).containsExactlyInAnyOrder(201, 409));
                BookingAudit audit = BookingAudit.of(engine.settings(), answers).assertConsistent().assertReadable(client);
                assertThat(audit.events()).as("one committed outcome per request").hasSize(answers.size());
                assertThat(audit.rejected()).extracting(r -> r.getReason()).containsOnly(RejectionReason.SLOT_NOT_FREE);

                // Lose the processor's local state: it must come back from the changelogs, not from nothing.
                processor.stop();
                deleteRecursively(dir.resolve("processor"));
                processor = ChildProcessor.start(engine.settings(), dir.resolve("processor"), log);
                List<BookingAttempt> afterLoss = new ArrayList<>(answers);
                BookingAttempt again = BookingLoad.send(client, new BookingLoad.Request(List.of(targets.get(0)), "Patient/3"));
                assertThat(again.status()).as("a slot booked before the state was lost is still taken: " + again.body()).isEqualTo(409);
                afterLoss.add(again);
                BookingAttempt fresh = BookingLoad.send(client, new BookingLoad.Request(List.of(slots.get(150)), "Patient/3"));
                assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
                afterLoss.add(fresh);
                BookingAudit.of(engine.settings(), afterLoss).assertConsistent();
                Map<String, String> views = ViewDump.settled(engine, Duration.ofSeconds(1), Duration.ofSeconds(60));
                ViewDump.assertRebuildEquals(engine, dir.resolve("rebuild"), views);
            } finally {
                processor.close();
            }
        }
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        if (!java.nio.file.Files.exists(path)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
