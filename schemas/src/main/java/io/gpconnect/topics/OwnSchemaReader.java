package io.gpconnect.topics;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.specific.SpecificData;

import java.io.IOException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * Reads one of our generated records written with its own schema, which is what every engine-written record
 * is until a schema changes: the record decodes itself field by field ({@link OwnSchemaDecodable}), where
 * Avro's reader walks a resolution plan built for any writer schema (a fifth of the decision thread in JFR).
 * Records written with another schema still go through Avro's resolving reader.
 */
final class OwnSchemaReader<T> implements DatumReader<T> {
    private final Class<?> type;
    private final Supplier<?> constructor;

    OwnSchemaReader(Class<?> type) {
        this.type = type;
        this.constructor = constructor(type);
    }

    /**
     * The record's no-argument constructor as a plain call: SpecificData.newInstance goes through reflection on
     * every record read, which was a twentieth of the decision thread in JFR.
     */
    private static Supplier<?> constructor(Class<?> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle create = lookup.findConstructor(type, MethodType.methodType(void.class));
            return (Supplier<?>) LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), create, MethodType.methodType(type)).getTarget().invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("No public no-argument constructor on " + type.getName(), e);
        }
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
        return new OwnSchemaReader<>(type);
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
                : (OwnSchemaDecodable) constructor.get();
        record.decodeOwnSchema(in);
        return (T) record;
    }
}
