package io.gpconnect.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of a JVM's threads by what they do, read from /proc: the engine runs both stream processors and the
 * HTTP facade in one process, and this is how its CPU per request splits between them. The broker is either
 * threads of that process or a child process of its own; a child's every thread (its collector and compiler
 * too) counts as {@value #BROKER}.
 */
public final class ThreadGroupCpu {
    /** A group's name and the thread names (as Linux truncates them, to 15 characters) that belong to it. */
    private record Group(String name, Pattern threads) {
    }

    static final String OTHER = "other";
    static final String BROKER = "broker";
    static final String COMPILER = "JIT compiler";
    private static final List<Group> GROUPS = List.of(
            new Group("decision processor", Pattern.compile("gpconnect-slot-.*")),
            new Group("views", Pattern.compile("gpconnect-appoi.*")),
            new Group("HTTP", Pattern.compile("qtp.*")),
            new Group(BROKER, Pattern.compile("data-plane-kafk.*")),
            new Group("producers' network", Pattern.compile("kafka-producer-.*")),
            new Group("RocksDB background", Pattern.compile("rocksdb.*")),
            new Group("GC", Pattern.compile("(GC Thread|G1 ).*")),
            new Group(COMPILER, Pattern.compile("C\\d CompilerThre.*")));

    private ThreadGroupCpu() {
    }

    /** Every group's name, in the order a report shows them. */
    public static List<String> names() {
        return Stream.concat(GROUPS.stream().map(Group::name), Stream.of(OTHER)).toList();
    }

    /** The group a thread of this name belongs to. */
    static String group(String threadName) {
        for (Group g : GROUPS) {
            if (g.threads().matcher(threadName).matches()) {
                return g.name();
            }
        }
        return OTHER;
    }

    /** CPU seconds each group of the process tree's live threads has used; empty where /proc cannot be read. */
    public static Map<String, Double> seconds(long pid) {
        Map<String, Double> byGroup = new LinkedHashMap<>();
        try {
            addThreads(pid, byGroup, null);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        for (long child : ProcessTree.descendants(pid)) {
            try {
                addThreads(child, byGroup, BROKER);
            } catch (IOException | RuntimeException e) {
                // the child ended between listing and reading
            }
        }
        return byGroup;
    }

    /** Each thread of the process into its group by name, or all into {@code everyThread} when it is given. */
    private static void addThreads(long pid, Map<String, Double> byGroup, String everyThread) throws IOException {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String group = everyThread != null ? everyThread : group(Files.readString(thread.resolve("comm")).strip());
                    OptionalDouble cpu = ProcessCpu.fromStat(Files.readString(thread.resolve("stat")));
                    byGroup.merge(group, cpu.orElse(0), Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between listing and reading
                }
            }
        }
    }

    /** What each group used between two readings; a thread that ended in between takes its time with it. */
    public static Map<String, Double> between(Map<String, Double> from, Map<String, Double> to) {
        Map<String, Double> used = new LinkedHashMap<>();
        if (from.isEmpty() || to.isEmpty()) {
            return used;
        }
        for (String name : names()) {
            used.put(name, Math.max(0, to.getOrDefault(name, 0.0) - from.getOrDefault(name, 0.0)));
        }
        return used;
    }
}
