package io.gpconnect.launcher;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients racing for the same slots, over HTTP and the real broker: never a double or partial booking. */
class DoubleBookingRaceTest {
    /** Patients of the demo practice that may book (spec data: patients 1–8 are registered and active). */
    private static final List<String> PATIENTS = List.of("Patient/1", "Patient/2", "Patient/3", "Patient/4", "Patient/5");

    @Test
    void aThousandConcurrentBookingsOfOneSlotBookItExactlyOnce() throws Exception {
        GpConnectClient client = SharedEngine.client();
        FreeSlots.Found slot = FreeSlots.search(client, 3, 1).get(0);
        List<Integer> statuses = race(1000, i -> client.post("/Appointment", Bookings.body(List.of(slot), PATIENTS.get(i % PATIENTS.size())),
                "rest:create:appointment-1", "patient/*.write"));

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(counts).containsOnlyKeys(201, 409);
        assertThat(counts.get(201)).isEqualTo(1);
        assertThat(counts.get(409)).isEqualTo(999);
        assertThat(FreeSlots.search(client, 3, 1)).noneMatch(s -> s.id().equals(slot.id()));
    }

    @Test
    void aMultiSlotBookingRacingSingleSlotBookingsIsNeverPartial() throws Exception {
        GpConnectClient client = SharedEngine.client();
        List<List<FreeSlots.Found>> runs = FreeSlots.contiguousRuns(FreeSlots.search(client, 5, 1), 3);
        assertThat(runs).hasSizeGreaterThanOrEqualTo(5);
        for (List<FreeSlots.Found> run : runs.subList(0, 5)) {
            List<Function<Integer, HttpResponse<String>>> attempts = new ArrayList<>();
            attempts.add(i -> client.post("/Appointment", Bookings.body(run, "Patient/1"), "rest:create:appointment-1", "patient/*.write"));
            for (FreeSlots.Found single : run) {
                for (int k = 0; k < 3; k++) {
                    attempts.add(i -> client.post("/Appointment", Bookings.body(List.of(single), "Patient/2"), "rest:create:appointment-1", "patient/*.write"));
                }
            }
            List<HttpResponse<String>> responses = raceAll(attempts);
            boolean multiBooked = responses.get(0).statusCode() == 201;
            long singlesBooked = responses.subList(1, responses.size()).stream().filter(r -> r.statusCode() == 201).count();
            if (multiBooked) {
                assertThat(singlesBooked).as("singles booked while the multi-slot booking holds every slot").isZero();
            } else {
                assertThat(responses.get(0).statusCode()).isEqualTo(409);
                assertThat(singlesBooked).as("each slot of the run booked by exactly one single").isEqualTo(3);
            }
            responses.forEach(r -> assertThat(r.statusCode()).isIn(201, 409));
        }
    }

    private static List<Integer> race(int n, Function<Integer, HttpResponse<String>> call) throws Exception {
        List<Function<Integer, HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call);
        }
        return raceAll(calls).stream().map(HttpResponse::statusCode).toList();
    }

    private static List<HttpResponse<String>> raceAll(List<Function<Integer, HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 100));
        try {
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> calls.get(index).apply(index), pool));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
