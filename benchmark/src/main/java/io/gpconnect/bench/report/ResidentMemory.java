package io.gpconnect.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The resident set of the engine's process, read from /proc: the high-water mark (VmHWM) is the peak the
 * kernel saw, including moments between our samples. With child processes (the broker in a JVM of its own) it is
 * the sum over the process tree, of peaks that may not have coincided: never less than the tree's real peak.
 */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    public static OptionalLong peakBytes(long pid) {
        return overTree(pid, "VmHWM:");
    }

    public static OptionalLong currentBytes(long pid) {
        return overTree(pid, "VmRSS:");
    }

    private static OptionalLong overTree(long pid, String name) {
        OptionalDouble total = ProcessTree.sum(pid, p -> {
            OptionalLong bytes = field(p, name);
            return bytes.isPresent() ? OptionalDouble.of(bytes.getAsLong()) : OptionalDouble.empty();
        });
        return total.isPresent() ? OptionalLong.of((long) total.getAsDouble()) : OptionalLong.empty();
    }

    static OptionalLong field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(name)) {
                    String kb = line.substring(name.length()).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone: memory is then reported as not measured
        }
        return OptionalLong.empty();
    }
}
