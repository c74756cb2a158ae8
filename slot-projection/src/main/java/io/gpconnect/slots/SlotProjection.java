package io.gpconnect.slots;

import io.gpconnect.topics.EngineSettings;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Duration;
import java.util.Properties;

/** The running decision processor: one Kafka Streams application under exactly_once_v2. */
public final class SlotProjection implements AutoCloseable {
    public static final String APPLICATION_ID = "gpconnect-slot-projection";

    private final KafkaStreams streams;

    public SlotProjection(EngineSettings settings) {
        this(settings, StreamsConfig.EXACTLY_ONCE_V2);
    }

    /**
     * @param processingGuarantee exactly_once_v2 in every real deployment; at_least_once only to measure what
     *                            exactly-once costs (./gpconnect bench), since it gives up "one outcome per command"
     */
    public SlotProjection(EngineSettings settings, String processingGuarantee) {
        Properties p = settings.streamsProperties(APPLICATION_ID);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        this.streams = new KafkaStreams(SlotProjectionTopology.build(settings.serdes()), p);
    }

    public SlotProjection start() {
        streams.start();
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Leaves the consumer group on the way out, so a restart is not held up waiting for this member's session to expire. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
