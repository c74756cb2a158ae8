package io.gpconnect.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time a JVM's JIT compiler threads have used, read from /proc: while they are busy the engine runs partly
 * interpreted and shares its cores with the compiler, so figures measured then are not the engine's.
 */
public final class CompilerCpu {
    /** HotSpot's "C1 CompilerThread0", "C2 CompilerThread1", … as Linux truncates them (15 characters). */
    private static final Pattern COMPILER_THREAD = Pattern.compile("C\\d CompilerThre.*");

    private CompilerCpu() {
    }

    public static OptionalDouble seconds(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            double total = 0;
            boolean any = false;
            for (Path thread : (Iterable<Path>) threads::iterator) {
                OptionalDouble cpu = compilerCpu(thread);
                if (cpu.isPresent()) {
                    total += cpu.getAsDouble();
                    any = true;
                }
            }
            return any ? OptionalDouble.of(total) : OptionalDouble.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    private static OptionalDouble compilerCpu(Path thread) {
        try {
            if (!COMPILER_THREAD.matcher(Files.readString(thread.resolve("comm")).strip()).matches()) {
                return OptionalDouble.empty();
            }
            return ProcessCpu.fromStat(Files.readString(thread.resolve("stat")));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty(); // the thread ended between listing and reading
        }
    }
}
