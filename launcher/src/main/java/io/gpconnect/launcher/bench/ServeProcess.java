package io.gpconnect.launcher.bench;

import io.gpconnect.bench.target.EngineSpec;
import io.gpconnect.bench.target.EngineStarter;
import io.gpconnect.bench.target.Target;
import io.gpconnect.launcher.GpConnectCli;
import io.gpconnect.launcher.ServeBanner;
import io.gpconnect.launcher.seed.DemoPractice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts `./gpconnect serve` as a child JVM on a free port and a temporary data directory, as a user would
 * run it: the bench then measures exactly that process (its memory included), not a copy sharing the load
 * generator's heap and garbage collector.
 */
public final class ServeProcess implements EngineStarter {
    /** The same JVM options as ./gpconnect, so the memory measured is the memory `serve` needs. */
    private static final String DEFAULT_JVM_OPTIONS = "-Xms256m -Xmx768m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError";
    private static final long START_TIMEOUT_MINUTES = 15;

    private final String jvmOptions;

    public ServeProcess() {
        String fromEnv = System.getenv("SERVE_JAVA_OPTS");
        this.jvmOptions = fromEnv == null || fromEnv.isBlank() ? DEFAULT_JVM_OPTIONS : fromEnv;
    }

    @Override
    public RunningEngine start(EngineSpec spec) throws Exception {
        Path dir = Files.createTempDirectory("gpconnect-bench-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GpConnectCli.class.getName(),
                "serve", "--port", "0", "--data-dir", dir.toString()));
        command.addAll(List.of(WorkloadOptions.args(spec.scale(), spec.guarantee())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<Target> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> follow(process, tail, ready), "serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Target target = ready.get(START_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            return new Child(process, dir, target);
        } catch (Exception e) {
            stop(process, dir);
            throw new IllegalStateException("serve did not start: " + e.getMessage() + "\n" + String.join("\n", snapshot(tail)), e);
        }
    }

    private static void follow(Process process, Deque<String> tail, CompletableFuture<Target> ready) {
        ServeBanner banner = new ServeBanner();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                banner.read(line).ifPresent(at -> ready.complete(Target.of(at.serviceRoot(), DemoPractice.load().providerAsid(),
                        at.bootstrapServers(), at.registryUrl(), OptionalLong.of(process.pid()), "serve started by the bench, pid " + process.pid())));
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("serve stopped before it was ready"));
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** SIGTERM first, so serve's shutdown hook closes Streams and the broker cleanly; then the data goes. */
    private static void stop(Process process, Path dir) {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + dir, e);
        }
    }

    private record Child(Process process, Path dir, Target target) implements RunningEngine {
        @Override
        public void close() {
            stop(process, dir);
        }
    }
}
