package io.gpconnect.bench.phase;

import io.gpconnect.bench.fhir.AppointmentBodies;
import io.gpconnect.bench.fhir.FreeSlot;
import io.gpconnect.bench.http.HttpConnection;
import io.gpconnect.bench.http.HttpResponse;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.load.OperationStats;
import io.gpconnect.bench.load.Timed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many clients racing for few slots, round after round: all clients of a round are released at once at the
 * round's slots. Every slot must be won exactly once; a second win is a double booking, no win a lost slot,
 * and both are counted as errors.
 */
public final class RacePhase implements Phase {
    static final String NAME = "race book";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<OperationResult> run(BenchContext context) throws Exception {
        LoadShape shape = context.shape();
        int clients = shape.raceClients();
        OperationStats stats = new OperationStats(NAME, Set.of(201), Set.of(409));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<HttpConnection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connections.add(new HttpConnection(context.consumer().base()));
        }
        try {
            round(context, stats, pool, connections);
            stats.restart();
            long end = System.nanoTime() + shape.measure().toNanos();
            long rounds = Math.max(1, shape.maxRequests() / clients);
            for (long r = 0; r < rounds && System.nanoTime() < end; r++) {
                if (!round(context, stats, pool, connections)) {
                    break;
                }
            }
            return List.of(stats.result());
        } finally {
            pool.shutdownNow();
            connections.forEach(HttpConnection::close);
        }
    }

    /** One round; false when the pool has no slots left to race for. */
    private static boolean round(BenchContext context, OperationStats stats, ExecutorService pool, List<HttpConnection> connections)
            throws Exception {
        List<FreeSlot> slots = context.slots().take(context.shape().raceSlots());
        if (slots.isEmpty()) {
            return false;
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            HttpConnection c = connections.get(i);
            FreeSlot slot = slots.get(i % slots.size());
            String patient = BookingPhase.PATIENTS.get(i % BookingPhase.PATIENTS.size());
            var request = context.consumer().book(slot.ods(), AppointmentBodies.booking(slot, patient));
            attempts.add(pool.submit(() -> {
                go.await();
                HttpResponse r = Timed.exchange(stats, c, request, System.nanoTime());
                return r == null ? -1 : r.status();
            }));
        }
        go.countDown();
        int[] wins = new int[slots.size()];
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).get() == 201) {
                wins[i % slots.size()]++;
            }
        }
        for (int w : wins) {
            if (w != 1) {
                stats.violation();
            }
        }
        return true;
    }
}
