package io.gpconnect.bench.phase;

import io.gpconnect.bench.http.Consumer;
import io.gpconnect.bench.target.Target;

import java.util.List;

/**
 * What every phase works on: the engine under load, the consumer that calls it, the practices it serves and
 * the pool of free slots bookings draw from (each slot is booked at most once across all phases).
 */
public record BenchContext(Target target, Consumer consumer, String demoOds, List<String> practices, SlotPool slots,
                           LoadShape shape) {
}
