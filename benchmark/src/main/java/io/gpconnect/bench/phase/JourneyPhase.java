package io.gpconnect.bench.phase;

import io.gpconnect.bench.fhir.AppointmentBodies;
import io.gpconnect.bench.fhir.FreeSlot;
import io.gpconnect.bench.fhir.SlotBundles;
import io.gpconnect.bench.http.Consumer;
import io.gpconnect.bench.http.HttpConnection;
import io.gpconnect.bench.http.HttpResponse;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.load.OperationStats;
import io.gpconnect.bench.load.Timed;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The NHS 111 journey: a call handler searches a practice's slots for tomorrow, books one, reads the booking
 * back, and (so the bench leaves the slot book as it found it) cancels it. Each step is measured on its own
 * and the journey as a whole; a slot another handler took first is a conflict, not an error.
 */
public final class JourneyPhase implements Phase {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Override
    public String name() {
        return "111 journey";
    }

    @Override
    public List<OperationResult> run(BenchContext context) throws InterruptedException {
        OperationStats search = OperationStats.expecting("111 search", 200);
        OperationStats book = new OperationStats("111 book", Set.of(201), Set.of(409));
        OperationStats read = OperationStats.expecting("111 read", 200);
        OperationStats cancel = OperationStats.expecting("111 cancel", 200);
        OperationStats journey = new OperationStats("111 journey", Set.of(200), Set.of(409));
        Consumer consumer = context.consumer();
        List<String> practices = context.practices();
        return Measured.closedLoop().run(context, context.shape().workers(), (c, start) -> {
            String ods = practices.get(ThreadLocalRandom.current().nextInt(practices.size()));
            int outcome = journey(consumer, c, ods, search, book, read, cancel);
            if (outcome != 0) {
                journey.record(start, outcome);
            }
        }, search, book, read, cancel, journey);
    }

    /** 200 when every step succeeded, else the status of the step that did not; 0 when there was nothing to book. */
    private static int journey(Consumer consumer, HttpConnection c, String ods, OperationStats search, OperationStats book,
                               OperationStats read, OperationStats cancel) {
        HttpResponse found = Timed.exchange(search, c, consumer.slotSearch(ods, LocalDate.now(UK).plusDays(1), 1), System.nanoTime());
        if (found == null || found.status() != 200) {
            return found == null ? 599 : found.status();
        }
        List<FreeSlot> slots = SlotBundles.freeSlots(ods, found.body(), OffsetDateTime.now(UK).plusMinutes(30));
        if (slots.isEmpty()) {
            return 0;
        }
        FreeSlot slot = slots.get(ThreadLocalRandom.current().nextInt(slots.size()));
        String patient = BookingPhase.PATIENTS.get(ThreadLocalRandom.current().nextInt(BookingPhase.PATIENTS.size()));
        HttpResponse booked = Timed.exchange(book, c, consumer.book(ods, AppointmentBodies.booking(slot, patient)), System.nanoTime());
        if (booked == null || booked.status() != 201) {
            return booked == null ? 599 : booked.status();
        }
        AppointmentBodies.Stored stored = AppointmentBodies.stored(booked.body());
        HttpResponse got = Timed.exchange(read, c, consumer.read(ods, stored.id()), System.nanoTime());
        if (got == null || got.status() != 200) {
            return got == null ? 599 : got.status();
        }
        HttpResponse cancelled = Timed.exchange(cancel, c,
                consumer.cancel(ods, stored.id(), stored.version(), AppointmentBodies.cancellation(got.body())), System.nanoTime());
        return cancelled == null ? 599 : cancelled.status() == 200 ? 200 : cancelled.status();
    }
}
