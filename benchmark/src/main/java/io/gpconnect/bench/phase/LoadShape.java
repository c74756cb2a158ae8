package io.gpconnect.bench.phase;

import java.time.Duration;

/**
 * How hard and how long each phase pushes: every run is bounded by time and by count.
 *
 * @param workers      concurrent clients of a closed-loop run (each with its own connection)
 * @param bookingWorkers concurrent clients of the booking runs (a booking waits on Kafka, so many are in flight)
 * @param bookingRate  the offered rate of the open-loop booking run, per second
 * @param raceClients  clients racing for the same slots in one round
 * @param raceSlots    slots those clients race for
 */
public record LoadShape(Duration warmUp, Duration measure, long maxRequests, int workers, int bookingWorkers, double bookingRate,
                        int raceClients, int raceSlots, long maxKafkaCommands) {
}
