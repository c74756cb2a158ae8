package io.gpconnect.bench.load;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * One operation's measurement: every request's latency (µs) and how each ended.
 *
 * @param conflicts         answers that are correct but not a success, e.g. 409 for a slot another client took
 * @param unexpectedSamples the first body of each status that was an error
 * @param fromNanos         when the measured interval began (System.nanoTime), to attribute CPU use to it
 * @param cpu               CPU the engine and the load generator used during the run, when known
 * @param engineStages      where the engine says the run's bookings waited, by stage (see {@link CommandStages}); empty
 *                          when the run booked nothing or the engine does not say
 */
public record OperationResult(String name, Histogram latencyMicros, double seconds, long succeeded, long conflicts,
                              long errors, Map<Integer, Long> statuses, Map<Integer, String> unexpectedSamples,
                              long fromNanos, long toNanos, CpuUse cpu, Map<String, CommandStages.Figures> engineStages) {

    public OperationResult {
        engineStages = Map.copyOf(engineStages);
    }

    /**
     * CPU seconds used during the run; NaN where not measured.
     *
     * @param engineThreads the engine's seconds by thread group (see the report's ThreadGroupCpu); empty where not measured
     */
    public record CpuUse(double engineSeconds, double benchSeconds, Map<String, Double> engineThreads) {
        public static final CpuUse UNKNOWN = new CpuUse(Double.NaN, Double.NaN, Map.of());

        public CpuUse {
            engineThreads = Map.copyOf(engineThreads);
        }
    }

    /** Engine CPU milliseconds per request: what one operation costs the engine. */
    public double engineCpuMillisPerRequest() {
        return requests() == 0 ? Double.NaN : cpu.engineSeconds() * 1000 / requests();
    }

    public OperationResult withCpu(CpuUse use) {
        return new OperationResult(name, latencyMicros, seconds, succeeded, conflicts, errors, statuses, unexpectedSamples, fromNanos, toNanos,
                use, engineStages);
    }

    public OperationResult withEngineStages(Map<String, CommandStages.Figures> stages) {
        return new OperationResult(name, latencyMicros, seconds, succeeded, conflicts, errors, statuses, unexpectedSamples, fromNanos, toNanos,
                cpu, stages);
    }


    public long requests() {
        return latencyMicros.getTotalCount();
    }

    /** Requests answered per second, errors included: what the engine sustained. */
    public double throughput() {
        return seconds <= 0 ? 0 : requests() / seconds;
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
    }

    public double meanMillis() {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMean() / 1000.0;
    }

    /** The same counts over a measured span other than the recorder's (first command sent to last decision). */
    public OperationResult over(double spanSeconds) {
        return new OperationResult(name, latencyMicros, spanSeconds, succeeded, conflicts, errors, statuses, unexpectedSamples, fromNanos,
                toNanos, cpu, engineStages);
    }
}
