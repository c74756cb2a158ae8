package io.gpconnect.bench.report;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.LongFunction;

/** The processes an engine started (the broker in a JVM of its own), whose CPU and memory are the engine's too. */
final class ProcessTree {
    private ProcessTree() {
    }

    /**
     * A /proc figure summed over the process and its descendants: empty where the process itself cannot be read,
     * a descendant that cannot (it ended meanwhile) counting nothing.
     */
    static OptionalDouble sum(long pid, LongFunction<OptionalDouble> figure) {
        OptionalDouble own = figure.apply(pid);
        if (own.isEmpty()) {
            return own;
        }
        double total = own.getAsDouble();
        for (long child : descendants(pid)) {
            total += figure.apply(child).orElse(0);
        }
        return OptionalDouble.of(total);
    }

    /** Their pids; none where the process is gone or not visible to us. */
    static List<Long> descendants(long pid) {
        try {
            return ProcessHandle.of(pid).map(p -> p.descendants().map(ProcessHandle::pid).toList()).orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
