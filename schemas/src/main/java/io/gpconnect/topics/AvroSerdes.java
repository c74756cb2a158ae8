package io.gpconnect.topics;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.HashMap;
import java.util.Map;

/**
 * Avro value serdes governed by the schema registry (Apicurio's serdes). Schemas register themselves on first
 * use under the TopicIdStrategy ("&lt;topic&gt;-value"), and the registry refuses incompatible changes.
 */
public final class AvroSerdes {
    static {
        // Avro 1.12 refuses to instantiate classes it was not told to trust; trust exactly our generated ones.
        ClassSecurityValidator.ClassSecurityPredicate ours = type -> type.getName().startsWith("io.gpconnect.schemas.");
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.DEFAULT, ours));
    }

    private final String registryUrl;

    public AvroSerdes(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    public String registryUrl() {
        return registryUrl;
    }

    /** Configuration for Apicurio serializers/deserializers of our specific Avro classes. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put("apicurio.registry.url", registryUrl);
        c.put("apicurio.registry.auto-register", "true");
        c.put("apicurio.registry.use-specific-avro-reader", "true");
        // The schema id travels in the payload, not in headers: state-store and changelog bytes have no headers.
        c.put("apicurio.registry.headers.enabled", "false");
        c.put("apicurio.registry.avro-datum-provider", CachingAvroDatumProvider.class.getName());
        return c;
    }

    public <T extends SpecificRecord> Serde<T> valueSerde() {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        Serde<T> serde = Serdes.serdeFrom(serializer, deserializer);
        serde.configure(serdeConfig(), false);
        return serde;
    }

    /**
     * A serde for reading one topic: a record that is valid Avro but was written with some other registered
     * schema (another topic's, say) fails to deserialise, so it goes the way of any unreadable record (the
     * dead-letter topic) instead of reaching a processor that cannot handle it.
     */
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        Serde<T> serde = valueSerde();
        Deserializer<T> untyped = serde.deserializer();
        Deserializer<T> typed = (topic, data) -> checked(type, topic, untyped.deserialize(topic, data));
        return Serdes.serdeFrom(serde.serializer(), typed);
    }

    private static <T> T checked(Class<T> type, String topic, Object value) {
        if (value != null && !type.isInstance(value)) {
            throw new SerializationException("A record on " + topic + " is a " + value.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
