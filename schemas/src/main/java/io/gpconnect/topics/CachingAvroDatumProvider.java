package io.gpconnect.topics;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apicurio's datum provider, minus its per-record cost: the default one computes the schema's parsing
 * fingerprint (normalise the whole schema to text, then hash it) on every serialise and deserialise, only to
 * find a reader or writer it already has. Every view lookup and every state-store read pays that, and under
 * load it was the largest single cost of a slot search.
 * <p>
 * Readers are looked up by the very schema instance first. One serde can meet the same schema as more than one
 * instance (Apicurio parses each registry id it reads on its own; seen in `serve`: two SlotState instances
 * reaching the free-slot view's reader), and when the instance a record brought was not the map's key, the map
 * lookup was a deep {@link Schema#equals} of the whole record schema for every record read (a twentieth of the
 * views' thread in ./gpconnect bench). The map stays as the fallback that keeps one reader per distinct schema.
 */
public final class CachingAvroDatumProvider<T> extends DefaultAvroDatumProvider<T> {
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> genericWriters = new ConcurrentHashMap<>();
    private boolean specific;
    /** The last schema instance asked for and its reader: a serde almost always reads one writer schema. */
    private volatile LastReader<T> last;

    private record LastReader<T>(Schema schema, DatumReader<T> reader) {
    }

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        LastReader<T> l = last;
        if (l != null && l.schema() == schema) {
            return l.reader();
        }
        DatumReader<T> reader = readers.computeIfAbsent(schema, this::newReader);
        last = new LastReader<>(schema, reader);
        return reader;
    }

    @Override
    public void configure(AvroSerdeConfig config) {
        super.configure(config);
        specific = config.useSpecificAvroReader();
    }

    /** Our records written with their own schema read themselves ({@link OwnSchemaReader}); others as Apicurio would. */
    private DatumReader<T> newReader(Schema writer) {
        DatumReader<T> own = specific ? OwnSchemaReader.forWriterSchema(writer) : null;
        return own != null ? own : super.createDatumReader(writer);
    }

    /**
     * Our generated records write themselves ({@link CustomCodedWriter}) when the schema asked for is their own,
     * which it is for everything we serialise; anything else gets Apicurio's writer.
     */
    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        if (data instanceof SpecificRecordBase record) {
            return specificWriters.computeIfAbsent(schema, s -> s.equals(record.getSchema())
                    ? new CustomCodedWriter<>(s)
                    : super.createDatumWriter(data, s));
        }
        return genericWriters.computeIfAbsent(schema, s -> super.createDatumWriter(data, s));
    }
}
