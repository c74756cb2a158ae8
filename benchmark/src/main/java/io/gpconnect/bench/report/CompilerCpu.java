package io.gpconnect.bench.report;

import java.util.OptionalDouble;

/**
 * CPU time a JVM's JIT compiler threads have used, read from /proc: while they are busy the engine runs partly
 * interpreted and shares its cores with the compiler, so figures measured then are not the engine's.
 */
public final class CompilerCpu {
    private CompilerCpu() {
    }

    public static OptionalDouble seconds(long pid) {
        Double compiler = ThreadGroupCpu.seconds(pid).get(ThreadGroupCpu.COMPILER);
        return compiler == null ? OptionalDouble.empty() : OptionalDouble.of(compiler);
    }
}
