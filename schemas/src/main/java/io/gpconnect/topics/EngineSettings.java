package io.gpconnect.topics;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the engine's Kafka, registry and local state live, shared by the processor, the views and the
 * command gateway.
 *
 * @param commitIntervalMs how often the exactly-once processor commits; it bounds how long a decision waits
 *                         before its event becomes visible, so it is the floor of booking latency
 */
public record EngineSettings(String bootstrapServers, String registryUrl, Path stateDir, short replicationFactor,
                             int partitions, long commitIntervalMs, String applicationServer) {

    public AvroSerdes serdes() {
        return new AvroSerdes(registryUrl);
    }

    /** Properties common to both Streams applications. */
    public Properties streamsProperties(String applicationId) {
        Properties p = new Properties();
        p.put("application.id", applicationId);
        p.put("bootstrap.servers", bootstrapServers);
        p.put("state.dir", stateDir.resolve("streams").toString());
        p.put("replication.factor", String.valueOf(replicationFactor));
        p.put("commit.interval.ms", String.valueOf(commitIntervalMs));
        p.put("num.stream.threads", "1");
        p.put("rocksdb.config.setter", BoundedRocksDbMemory.class.getName());
        // Lower latency on a quiet system: don't wait to fill batches.
        p.put("producer.linger.ms", "0");
        p.put("consumer.fetch.max.wait.ms", "20");
        // Tasks reading two topics (the feed beside the commands, the feed beside the events) never need them
        // interleaved by timestamp: each is an independent stream. The default time synchronisation checked the
        // empty topic's lag before every record, formatting a trace message each time (a tenth of the decision
        // thread in a JFR profile); -1 takes whatever has arrived.
        p.put("max.task.idle.ms", "-1");
        // A member that died without leaving is noticed in 10 s rather than 45 s: a restarted instance takes
        // its partitions back sooner.
        p.put("consumer.session.timeout.ms", "10000");
        p.put("consumer.heartbeat.interval.ms", "2000");
        // A record that cannot be read must not stop the practice's whole partition: it goes to the dead-letter
        // topic with the reason in its headers, and Kafka Streams counts it (dropped-records-total).
        p.put("deserialization.exception.handler", "org.apache.kafka.streams.errors.LogAndContinueExceptionHandler");
        p.put("processing.exception.handler", "org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler");
        p.put("errors.dead.letter.queue.topic.name", Topics.DEAD_LETTERS.name());
        // We have no global stores; enabling it is Kafka 5's default. (Kafka still warns once per application: its
        // assignor rebuilds a StreamsConfig from the consumer settings alone. The launcher's log filter drops that line.)
        p.put("processing.exception.handler.global.enabled", "true");
        if (applicationServer != null) {
            p.put("application.server", applicationServer);
        }
        return p;
    }
}
