package io.gpconnect.bench;

import java.time.Duration;

/**
 * The unrecorded load before an engine's first measured run: passes of every phase, {@code pass} long each,
 * repeated until the JIT compiler used at most {@code settledCores} of a core during a pass, within {@code atMost}.
 */
record EngineWarmUp(Duration pass, Duration atMost, double settledCores) {
}
