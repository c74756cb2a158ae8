package io.gpconnect.slots;

import io.gpconnect.topics.EngineSettings;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/** The running decision processor: one Kafka Streams application under exactly_once_v2. */
public final class SlotProjection implements AutoCloseable {
    public static final String APPLICATION_ID = "gpconnect-slot-projection";

    private final KafkaStreams streams;

    public SlotProjection(EngineSettings settings) {
        Properties p = settings.streamsProperties(APPLICATION_ID);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        this.streams = new KafkaStreams(SlotProjectionTopology.build(settings.serdes()), p);
    }

    public SlotProjection start() {
        streams.start();
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close();
    }
}
