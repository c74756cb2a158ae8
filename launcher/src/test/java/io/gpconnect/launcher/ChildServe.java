package io.gpconnect.launcher;

import io.gpconnect.topics.EngineSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * `gpconnect serve` in a JVM of its own, broker and all, so that a test can kill the whole service as a host
 * losing power would: SIGKILL, no shutdown hook. Its output goes to a log file, appended across restarts.
 */
final class ChildServe implements AutoCloseable {
    private final Process process;
    private final String serviceRoot;
    private final EngineSettings settings;

    private ChildServe(Process process, String serviceRoot, EngineSettings settings) {
        this.process = process;
        this.serviceRoot = serviceRoot;
        this.settings = settings;
    }

    /** Starts serve on {@code port} over {@code dataDir}, with {@code options}, and waits until it says it is ready. */
    static ChildServe start(Path dataDir, int port, Path log, Duration patience, String... options) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-cp", System.getProperty("java.class.path"), GpConnectCli.class.getName(),
                "serve", "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<ChildServe> ready = new CompletableFuture<>();
        Thread follower = new Thread(() -> follow(process, dataDir, log, ready), "child-serve-output");
        follower.setDaemon(true);
        follower.start();
        try {
            return ready.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("serve did not start within " + patience + " (see " + log + ")", e);
        }
    }

    private static void follow(Process process, Path dataDir, Path log, CompletableFuture<ChildServe> ready) {
        ServeBanner banner = new ServeBanner();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.println(line);
                banner.read(line).ifPresent(at -> {
                    Engine.Options defaults = Engine.Options.defaults(dataDir);
                    ready.complete(new ChildServe(process, at.serviceRoot(), new EngineSettings(at.bootstrapServers(), at.registryUrl(),
                            dataDir, (short) 1, defaults.partitions(), defaults.commitIntervalMs(), null)));
                });
            }
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException(e));
        }
        ready.completeExceptionally(new IllegalStateException("serve closed its output before it was ready"));
    }

    String serviceRoot() {
        return serviceRoot;
    }

    /** Where this run of serve keeps its broker and registry: they move to new ports on every start. */
    EngineSettings settings() {
        return settings;
    }

    /** SIGKILL: no shutdown hook, no commit, no flush, for the broker inside it as much as for the engine. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("serve did not die of SIGKILL within 30 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
