package io.gpconnect.launcher;

import io.gpconnect.topics.EngineSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The slot projection in its own JVM (`gpconnect process`), so a test can kill it like a crashed host: SIGKILL. */
final class ChildProcessor implements AutoCloseable {
    private final Process process;

    private ChildProcessor(Process process) {
        this.process = process;
    }

    static ChildProcessor start(EngineSettings settings, Path stateDir, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.gpconnect.schemas", "-cp", System.getProperty("java.class.path"),
                "io.gpconnect.launcher.GpConnectCli", "process",
                "--bootstrap-servers", settings.bootstrapServers(),
                "--registry-url", settings.registryUrl(),
                "--data-dir", stateDir.toString(),
                "--partitions", String.valueOf(settings.partitions()));
        try {
            File out = log.toFile();
            return new ChildProcessor(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out)).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook closes Kafka Streams cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
