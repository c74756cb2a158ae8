package io.gpconnect.kafka.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same KRaft broker as {@link EmbeddedKafka}, in a child JVM that this process starts and ends. On two cores
 * the broker, the processor's commits and the facade's requests take turns at the CPU either way, but in its own
 * JVM the broker's collections no longer stop the processor mid-commit, nor the engine's collections the broker.
 * Measured (./gpconnect bench, booking at 500/s, twelve runs each way): p99 64–175 ms against 100–266 ms
 * in-process, for a peak RSS of 1,870 MB against 1,415 MB; sized to fit 1.5 GB (engine heap 512 MB, broker 256 MB)
 * the tail was no shorter. So it is not the default.
 *
 * <p>The child reads its standard input until the end: when this process closes it, exits or is killed, even by
 * SIGKILL, the child shuts its broker down cleanly and exits, so no broker outlives its engine. Its log lines go
 * to this process's standard output and error, as the in-process broker's do. Its heap is set by
 * {@code KAFKA_HEAP_OPTS} and its collector by {@code KAFKA_JVM_PERFORMANCE_OPTS}, the variables Kafka's own
 * start scripts read.
 */
public final class BrokerProcess implements LocalBroker {
    private static final Logger log = LoggerFactory.getLogger(BrokerProcess.class);
    /** Set in the child, so its log says where it runs. */
    private static final String CHILD_PROPERTY = "gpconnect.broker.process";
    public static final String DEFAULT_HEAP_OPTS = "-Xms128m -Xmx384m";
    /** kafka-run-class.sh's defaults, and no broker JVM left behind by an OutOfMemoryError. */
    static final String DEFAULT_PERFORMANCE_OPTS =
            "-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent"
                    + " -XX:+ExitOnOutOfMemoryError";
    /** A previous child may still be shutting down over the same log after its parent was killed. */
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Listeners listeners;
    private final Map<String, String> environment;
    private Process child;

    private BrokerProcess(Path dataDir, Listeners listeners, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.listeners = listeners;
        this.environment = environment;
    }

    /** Starts a broker process keeping its log under {@code dataDir}; port 0 picks a free port. */
    public static BrokerProcess start(Path dataDir, int brokerPort) {
        return start(dataDir, brokerPort, System.getenv());
    }

    static BrokerProcess start(Path dataDir, int brokerPort, Map<String, String> environment) {
        BrokerProcess process = new BrokerProcess(dataDir.toAbsolutePath(), Listeners.choose(brokerPort), environment);
        process.launch();
        return process;
    }

    static boolean isBrokerProcess() {
        return Boolean.getBoolean(CHILD_PROPERTY);
    }

    @Override
    public String bootstrapServers() {
        return listeners.bootstrapServers();
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    /** The child's process id while it runs. */
    public synchronized long pid() {
        if (child == null) {
            throw new IllegalStateException("The broker at " + bootstrapServers() + " is not running");
        }
        return child.pid();
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options(environment, "KAFKA_HEAP_OPTS", DEFAULT_HEAP_OPTS));
        command.addAll(options(environment, "KAFKA_JVM_PERFORMANCE_OPTS", DEFAULT_PERFORMANCE_OPTS));
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BrokerProcess.class.getName());
        command.add(dataDir.toString());
        command.add(String.valueOf(listeners.broker()));
        command.add(String.valueOf(listeners.controller()));
        try {
            child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker process", e);
        }
        Process started = child;
        try {
            awaitListening(started, LOCK_PATIENCE.plusSeconds(60));
            EmbeddedKafka.awaitReady(bootstrapServers(), Duration.ofSeconds(60), started::isAlive);
        } catch (RuntimeException e) {
            started.destroyForcibly();
            child = null;
            throw e;
        }
        log.info("Kafka broker process {} ready at {} with data in {}", started.pid(), bootstrapServers(), dataDir);
    }

    /** Quietly, where an admin client would log a warning for every refused connection while the JVM starts. */
    private void awaitListening(Process started, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (started.isAlive() && System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listeners.broker()), 1000);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
        // not alive or out of time: awaitReady says which
    }

    static List<String> options(Map<String, String> environment, String variable, String defaults) {
        String value = environment.get(variable);
        String options = value == null || value.isBlank() ? defaults : value;
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public synchronized void stop() {
        if (child == null) {
            return;
        }
        Process stopping = child;
        child = null;
        try {
            // The end of its input is the child's signal to shut its broker down.
            stopping.getOutputStream().close();
            if (!stopping.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("Kafka broker process {} did not stop within 60 s; killing it", stopping.pid());
                stopping.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            stopping.destroyForcibly();
        } catch (InterruptedException e) {
            stopping.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("Kafka broker process at {} stopped (data kept in {})", bootstrapServers(), dataDir);
    }

    @Override
    public synchronized void restart() {
        if (child != null) {
            throw new IllegalStateException("The broker at " + bootstrapServers() + " is running");
        }
        launch();
    }

    @Override
    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** The child: {@code dataDir brokerPort controllerPort}; runs the broker until its standard input ends. */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        awaitLogUnlocked(dataDir.resolve("log"));
        EmbeddedKafka broker = EmbeddedKafka.start(dataDir, new Listeners(Integer.parseInt(args[1]), Integer.parseInt(args[2])), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "broker-shutdown"));
        drain(System.in);
        System.exit(0);
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing is sent: the parent holds the pipe open for as long as it wants the broker
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone
        }
    }

    /** Kafka refuses a log directory another broker holds; wait for a previous child's shutdown to let it go. */
    private static void awaitLogUnlocked(Path logDir) throws InterruptedException {
        Path lockFile = logDir.resolve(".lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
        while (true) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock != null) {
                    return;
                }
            } catch (IOException e) {
                return; // unreadable: Kafka's own lock check says why
            }
            if (System.nanoTime() > deadline) {
                return; // Kafka's own lock check then reports who holds it
            }
            Thread.sleep(200);
        }
    }
}
