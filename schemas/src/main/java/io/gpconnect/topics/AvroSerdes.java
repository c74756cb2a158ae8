package io.gpconnect.topics;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
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
        return c;
    }

    public <T extends SpecificRecord> Serde<T> valueSerde() {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        Serde<T> serde = Serdes.serdeFrom(serializer, deserializer);
        serde.configure(serdeConfig(), false);
        return serde;
    }
}
