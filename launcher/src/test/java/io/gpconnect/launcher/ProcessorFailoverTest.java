package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision processor runs in its own JVM and is SIGKILLed in the middle of a booking load, then started
 * again. Exactly-once must hold across the crash: one outcome per command, every 201 one booking, no slot
 * booked twice. Then the processor's local state is deleted and it must restore from its changelogs.
 */
class ProcessorFailoverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PATIENTS = List.of("Patient/1", "Patient/2", "Patient/3", "Patient/4", "Patient/5");

    @TempDir
    Path dir;

    @Test
    void aProcessorKilledMidStreamAndRestartedLosesAndDoublesNothing() throws Exception {
        Engine.Options options = Engine.Options.defaults(dir.resolve("engine")).withPort(0).withoutProjection()
                .withDecisionTimeout(Duration.ofSeconds(60));
        try (Engine engine = Engine.start(options)) {
            Path log = dir.resolve("processor.log");
            ChildProcessor processor = ChildProcessor.start(engine.settings(), dir.resolve("processor"), log);
            try {
                GpConnectClient client = new GpConnectClient(engine.serviceRoot());
                List<FreeSlots.Found> slots = awaitFreeSlots(client);
                Collections.shuffle(slots, new Random(7));
                List<FreeSlots.Found> targets = slots.subList(0, 100);
                // Each slot is asked for twice, by different patients: one must win, one must get 409.
                List<String[]> requests = new ArrayList<>();
                for (int i = 0; i < targets.size(); i++) {
                    for (int k = 0; k < 2; k++) {
                        requests.add(new String[] {targets.get(i).id(), Bookings.body(List.of(targets.get(i)), PATIENTS.get((i + k) % PATIENTS.size()))});
                    }
                }
                Collections.shuffle(requests, new Random(11));

                ExecutorService pool = Executors.newFixedThreadPool(16);
                AtomicInteger sent = new AtomicInteger();
                List<Future<HttpResponse<String>>> responses = new ArrayList<>();
                for (String[] r : requests) {
                    responses.add(pool.submit(() -> {
                        sent.incrementAndGet();
                        return client.post("/Appointment", r[1], "rest:create:appointment-1", "patient/*.write");
                    }));
                }
                while (sent.get() < requests.size() / 3) {
                    Thread.sleep(5);
                }
                processor.kill();
                processor = ChildProcessor.start(engine.settings(), dir.resolve("processor"), log);
                pool.shutdown();
                long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(5);
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    assertThat(processor.isAlive()).as("the restarted processor is running (see " + log + ")").isTrue();
                    assertThat(System.currentTimeMillis()).as("all bookings answered in time").isLessThan(deadline);
                }

                Map<String, List<Integer>> statusesBySlot = new java.util.HashMap<>();
                Set<String> bookedIds = new HashSet<>();
                for (int i = 0; i < requests.size(); i++) {
                    HttpResponse<String> r = responses.get(i).get();
                    assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
                    statusesBySlot.computeIfAbsent(requests.get(i)[0], k -> new ArrayList<>()).add(r.statusCode());
                    if (r.statusCode() == 201) {
                        bookedIds.add(JSON.readTree(r.body()).get("id").asText());
                    }
                }
                statusesBySlot.forEach((slot, statuses) -> assertThat(statuses).as("Slot/" + slot).containsExactlyInAnyOrder(201, 409));

                List<AppointmentEvent> events = EventLog.readAll(engine.settings());
                Map<String, Long> perCommand = events.stream().collect(Collectors.groupingBy(AppointmentEvent::getCommandId, Collectors.counting()));
                assertThat(perCommand.values()).as("one committed outcome per command").allMatch(n -> n == 1);
                assertThat(perCommand).hasSize(requests.size());
                List<AppointmentBooked> booked = events.stream().map(AppointmentEvent::getEvent)
                        .filter(AppointmentBooked.class::isInstance).map(AppointmentBooked.class::cast).toList();
                assertThat(booked.stream().map(b -> b.getAppointment().getId()).collect(Collectors.toSet())).isEqualTo(bookedIds);
                List<String> bookedSlots = booked.stream().flatMap(b -> b.getAppointment().getSlotIds().stream()).toList();
                assertThat(bookedSlots).doesNotHaveDuplicates().hasSize(targets.size());
                assertThat(events.stream().map(AppointmentEvent::getEvent).filter(CommandRejected.class::isInstance)
                        .map(e -> ((CommandRejected) e).getReason())).containsOnly(RejectionReason.SLOT_NOT_FREE);
                for (String id : bookedIds) {
                    assertThat(client.get("/Appointment/" + id, "rest:read:appointment-1", "patient/*.read").statusCode()).isEqualTo(200);
                }

                // Lose the processor's local state: it must come back from the changelogs, not from nothing.
                processor.stop();
                deleteRecursively(dir.resolve("processor"));
                processor = ChildProcessor.start(engine.settings(), dir.resolve("processor"), log);
                FreeSlots.Found taken = targets.get(0);
                HttpResponse<String> again = client.post("/Appointment", Bookings.body(List.of(taken), "Patient/3"),
                        "rest:create:appointment-1", "patient/*.write");
                assertThat(again.statusCode()).as("a slot booked before the state was lost is still taken: " + again.body()).isEqualTo(409);
                FreeSlots.Found free = slots.get(150);
                HttpResponse<String> fresh = client.post("/Appointment", Bookings.body(List.of(free), "Patient/3"),
                        "rest:create:appointment-1", "patient/*.write");
                assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
            } finally {
                processor.close();
            }
        }
    }

    private static List<FreeSlots.Found> awaitFreeSlots(GpConnectClient client) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            List<FreeSlots.Found> slots = new ArrayList<>(FreeSlots.search(client, 1, 13));
            if (slots.size() >= 200) {
                return slots;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the processor never published the demo practice's slots");
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
