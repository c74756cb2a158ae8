package io.gpconnect.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The resident set of the engine's process, read from /proc: the high-water mark (VmHWM) is the peak the
 * kernel saw, including moments between our samples.
 */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    public static OptionalLong peakBytes(long pid) {
        return field(pid, "VmHWM:");
    }

    public static OptionalLong currentBytes(long pid) {
        return field(pid, "VmRSS:");
    }

    private static OptionalLong field(long pid, String name) {
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
