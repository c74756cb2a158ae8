package io.gpconnect.launcher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent Book Appointment requests over HTTP, as many consumers would send them. A test starts the load,
 * injects its fault once part of it is sent, and collects every answer, bounded in time.
 */
final class BookingLoad {
    /** One booking to send: the slots (one, or a contiguous run) and the patient. */
    record Request(List<FreeSlots.Found> slots, String patientRef) {
    }

    private static final List<String> PATIENTS = List.of("Patient/1", "Patient/2", "Patient/3", "Patient/4", "Patient/5");

    private final ExecutorService pool;
    private final List<Request> requests;
    private final List<Future<BookingAttempt>> answers = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();

    private BookingLoad(GpConnectClient client, List<Request> requests, int clients, Duration pause) {
        this.pool = Executors.newFixedThreadPool(clients);
        this.requests = List.copyOf(requests);
        for (Request r : this.requests) {
            answers.add(pool.submit(() -> {
                sent.incrementAndGet();
                BookingAttempt attempt = send(client, r);
                // A paced load keeps requests in flight over the whole fault, not only at its start.
                Thread.sleep(pause.toMillis());
                return attempt;
            }));
        }
        pool.shutdown();
    }

    /** Sends every request, {@code clients} at a time, each client pausing {@code pause} between bookings. */
    static BookingLoad start(GpConnectClient client, List<Request> requests, int clients, Duration pause) {
        return new BookingLoad(client, requests, clients, pause);
    }

    /**
     * Each slot asked for twice, by different patients, in a shuffled order: one may win, the other must not
     * get it too.
     */
    static List<Request> contested(List<FreeSlots.Found> slots) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            for (int k = 0; k < 2; k++) {
                requests.add(new Request(List.of(slots.get(i)), PATIENTS.get((i + k) % PATIENTS.size())));
            }
        }
        Collections.shuffle(requests, new Random(11));
        return requests;
    }

    static BookingAttempt send(GpConnectClient client, Request r) {
        Instant sentAt = Instant.now();
        long started = System.nanoTime();
        int status;
        String body;
        try {
            HttpResponse<String> response = client.post("/Appointment", Bookings.body(r.slots(), r.patientRef()),
                    "rest:create:appointment-1", "patient/*.write");
            status = response.statusCode();
            body = response.body();
        } catch (IllegalStateException e) {
            status = BookingAttempt.NO_ANSWER;
            body = String.valueOf(e.getCause());
        }
        return new BookingAttempt(r.patientRef(), r.slots().stream().map(FreeSlots.Found::id).toList(), status, body, sentAt,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Blocks until at least {@code n} requests have been sent (or all of them). */
    void awaitSent(int n) throws InterruptedException {
        while (sent.get() < Math.min(n, requests.size()) && !pool.isTerminated()) {
            Thread.sleep(5);
        }
    }

    int size() {
        return requests.size();
    }

    /** Whether every request has been answered, waiting at most {@code d}. */
    boolean awaitDone(Duration d) throws InterruptedException {
        return pool.awaitTermination(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every answer, in request order; fails if the clients are still waiting after {@code bound}. */
    List<BookingAttempt> answers(Duration bound) throws Exception {
        if (!awaitDone(bound)) {
            pool.shutdownNow();
            throw new AssertionError("bookings still unanswered after " + bound);
        }
        List<BookingAttempt> out = new ArrayList<>();
        for (Future<BookingAttempt> f : answers) {
            out.add(f.get());
        }
        return out;
    }
}
