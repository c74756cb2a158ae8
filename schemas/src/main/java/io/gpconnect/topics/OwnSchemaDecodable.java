package io.gpconnect.topics;

import org.apache.avro.io.Decoder;

import java.io.IOException;

/** Implemented by every record our template generates (schemas/src/main/avro-templates/record.vm). */
public interface OwnSchemaDecodable {
    /** Reads the record from bytes written with exactly its own schema: no resolution, no field-order check. */
    void decodeOwnSchema(Decoder in) throws IOException;
}
