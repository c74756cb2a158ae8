package io.gpconnect.bench.report;

import java.util.List;

/** The processes an engine started (the broker in a JVM of its own), whose CPU and memory are the engine's too. */
final class ProcessTree {
    private ProcessTree() {
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
