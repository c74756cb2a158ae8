package io.gpconnect.topics;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apicurio's datum provider, minus its per-record cost: the default one computes the schema's parsing
 * fingerprint (normalise the whole schema to text, then hash it) on every serialise and deserialise, only to
 * find a reader or writer it already has. Every view lookup and every state-store read pays that, and under
 * load it was the largest single cost of a slot search. The schemas it is handed are the registry client's
 * cached instances and our generated classes' SCHEMA$, so a cache keyed on the schema itself hits on the
 * {@code ==} check of {@link Schema#equals} with the hash Avro already caches.
 */
public final class CachingAvroDatumProvider<T> extends DefaultAvroDatumProvider<T> {
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> genericWriters = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        return readers.computeIfAbsent(schema, super::createDatumReader);
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        Map<Schema, DatumWriter<T>> writers = data instanceof org.apache.avro.specific.SpecificRecord ? specificWriters : genericWriters;
        return writers.computeIfAbsent(schema, s -> super.createDatumWriter(data, s));
    }
}
