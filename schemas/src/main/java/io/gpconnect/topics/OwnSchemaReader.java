package io.gpconnect.topics;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.specific.SpecificData;

import java.io.IOException;

/**
 * Reads one of our generated records written with its own schema, which is what every engine-written record
 * is until a schema changes: the record decodes itself field by field ({@link OwnSchemaDecodable}), where
 * Avro's reader walks a resolution plan built for any writer schema (a fifth of the decision thread in JFR).
 * Records written with another schema still go through Avro's resolving reader.
 */
final class OwnSchemaReader<T> implements DatumReader<T> {
    private final Class<?> type;
    private final Schema schema;

    OwnSchemaReader(Class<?> type, Schema schema) {
        this.type = type;
        this.schema = schema;
    }

    /** The reader for records written with {@code writer}, or null when Avro must resolve them. */
    static <T> DatumReader<T> forWriterSchema(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD) {
            return null;
        }
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || !OwnSchemaDecodable.class.isAssignableFrom(type)
                || !writer.equals(SpecificData.get().getSchema(type))) {
            return null;
        }
        return new OwnSchemaReader<>(type, writer);
    }

    @Override
    public void setSchema(Schema schema) {
        // Bound to one class and its schema.
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read(T reuse, Decoder in) throws IOException {
        OwnSchemaDecodable record = type.isInstance(reuse)
                ? (OwnSchemaDecodable) reuse
                : (OwnSchemaDecodable) SpecificData.newInstance(type, schema);
        record.decodeOwnSchema(in);
        return (T) record;
    }
}
