package io.gpconnect.launcher.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A record in Avro's own JSON encoding, driven by its schema: union branches are named, timestamps are the
 * epoch milliseconds on the wire. What a consumer of the topic decodes, not a re-interpretation of it.
 */
public final class AvroJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroJson() {
    }

    public static JsonNode of(SpecificRecord record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), bytes);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema(), SpecificData.getForSchema(record.getSchema()))
                    .write(record, encoder);
            encoder.flush();
            return JSON.readTree(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
