package io.gpconnect.registry.embedded;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not Apicurio Registry; a small stand-in that speaks the v3 subset the serdes use. It runs in-process so the
 * default embedded run needs no registry server, keeps every schema version in the compacted Kafka topic
 * {@value SchemaLog#TOPIC} (so ids written into messages stay resolvable after a restart), and refuses a new
 * version of an artifact unless it is BACKWARD compatible with the latest one. Production runs the real
 * Apicurio Registry 3.x instead; the serdes cannot tell the difference for the calls they make.
 *
 * <p>Binds to 127.0.0.1 only: it has no authentication.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

    private final SchemaLog schemaLog;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;
    private boolean closed;

    private EmbeddedSchemaRegistry(SchemaLog schemaLog, HttpServer server, ExecutorService executor) {
        this.schemaLog = schemaLog;
        this.server = server;
        this.executor = executor;
        this.url = "http://127.0.0.1:" + server.getAddress().getPort() + RegistryHttpApi.BASE_PATH;
    }

    /**
     * Rebuilds the registry from the schema topic on {@code kafkaBootstrapServers} (creating the topic if
     * missing), then serves on 127.0.0.1:{@code port}; port 0 picks a free port.
     */
    public static EmbeddedSchemaRegistry start(String kafkaBootstrapServers, int port) {
        // The JDK server flushes headers and body as separate packets; with Nagle on, every answer then waits
        // ~40 ms for the client's delayed ACK. Read once per JVM, so it must be set before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        SchemaLog schemaLog = new SchemaLog(kafkaBootstrapServers);
        ExecutorService executor = null;
        try {
            SchemaStore store = new SchemaStore(schemaLog);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
            executor = Executors.newFixedThreadPool(4, daemonThreads());
            server.setExecutor(executor);
            server.createContext("/", new RegistryHttpApi(store));
            server.start();
            EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(schemaLog, server, executor);
            log.info("Embedded schema registry (Apicurio v3 subset, not Apicurio) at {}, stored in Kafka topic {}",
                    registry.url, SchemaLog.TOPIC);
            return registry;
        } catch (IOException e) {
            shutDown(executor, schemaLog);
            throw new UncheckedIOException("Could not bind the schema registry to 127.0.0.1:" + port, e);
        } catch (RuntimeException e) {
            shutDown(executor, schemaLog);
            throw e;
        }
    }

    /** The value for the serde config {@code apicurio.registry.url}. */
    public String url() {
        return url;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        shutDown(executor, schemaLog);
        log.info("Embedded schema registry at {} stopped", url);
    }

    private static void shutDown(ExecutorService executor, SchemaLog schemaLog) {
        try {
            if (executor != null) {
                executor.shutdown();
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // After the executor: an in-flight registration finishes its write before the producer goes.
            schemaLog.close();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "schema-registry-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
