package io.gpconnect.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * CPU time a process has used (user + system), read from /proc: sampled around a run, it tells what each
 * request cost the engine and what it cost the load generator sharing the machine. An engine's time includes
 * its child processes' (the broker it runs in a JVM of its own): their CPU is spent on its requests too.
 */
public final class ProcessCpu {
    /** USER_HZ: Linux reports /proc times in these ticks, 100 a second on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** Of the process and its descendants; empty where the process itself cannot be read. */
    public static OptionalDouble seconds(long pid) {
        return ProcessTree.sum(pid, ProcessCpu::ownSeconds);
    }

    private static OptionalDouble ownSeconds(long pid) {
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

    /** The load generator's own time (its children, if any, are not load). */
    public static OptionalDouble self() {
        return ownSeconds(ProcessHandle.current().pid());
    }
}
