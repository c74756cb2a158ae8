package io.gpconnect.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * CPU time a process has used (user + system), read from /proc: sampled around a run, it tells what each
 * request cost the engine and what it cost the load generator sharing the machine.
 */
public final class ProcessCpu {
    /** USER_HZ: Linux reports /proc times in these ticks, 100 a second on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    public static OptionalDouble seconds(long pid) {
        try {
            return fromStat(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** User + system seconds from a process's or a thread's stat line. */
    static OptionalDouble fromStat(String stat) {
        // The command name (field 2) may contain spaces; fields are counted from after its closing parenthesis.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return OptionalDouble.of((utime + stime) / TICKS_PER_SECOND);
    }

    public static OptionalDouble self() {
        return seconds(ProcessHandle.current().pid());
    }
}
