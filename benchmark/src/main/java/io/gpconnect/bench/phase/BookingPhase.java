package io.gpconnect.bench.phase;

import io.gpconnect.bench.fhir.AppointmentBodies;
import io.gpconnect.bench.fhir.FreeSlot;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.load.OperationStats;
import io.gpconnect.bench.load.Timed;

import java.util.List;
import java.util.Set;

/** Book Appointment over HTTP, each booking for a different free slot: the engine's write path end to end. */
public final class BookingPhase implements Phase {
    /** Registered, active, not sensitive, not deceased in the demo data, and so in every synthetic practice. */
    static final List<String> PATIENTS = List.of("1", "2", "3", "4", "5", "6", "7", "8");

    private final String name;
    private final Measured pacing;
    private final int workers;

    private BookingPhase(String name, Measured pacing, int workers) {
        this.name = name;
        this.pacing = pacing;
        this.workers = workers;
    }

    /** As many bookings a second as the engine answers, with the shape's worker count. */
    public static BookingPhase asFastAsAnswered(int workers) {
        return new BookingPhase("book (closed loop)", Measured.closedLoop(), workers);
    }

    /** A steady offered rate; latency counts from each booking's scheduled start. */
    public static BookingPhase offered(double perSecond, int workers) {
        return new BookingPhase("book @" + Math.round(perSecond) + "/s", Measured.openLoop(perSecond), workers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<OperationResult> run(BenchContext context) throws InterruptedException {
        OperationStats stats = new OperationStats(name, Set.of(201), Set.of(409));
        return pacing.run(context, workers, (c, start) -> {
            FreeSlot slot = context.slots().take();
            if (slot != null) {
                String patient = PATIENTS.get(Math.floorMod(slot.id().hashCode(), PATIENTS.size()));
                Timed.exchange(stats, c, context.consumer().book(slot.ods(), AppointmentBodies.booking(slot, patient)), start);
            } else {
                Thread.sleep(1); // the pool is spent: idle out the run rather than spin
            }
        }, stats);
    }
}
