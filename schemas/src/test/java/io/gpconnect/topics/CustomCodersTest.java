package io.gpconnect.topics;

import io.gpconnect.schemas.Common;
import io.gpconnect.schemas.appointment.AppointmentState;
import io.gpconnect.schemas.command.AppointmentCommands;
import io.gpconnect.schemas.event.AppointmentEvents;
import io.gpconnect.schemas.feed.PracticeFeed;
import io.gpconnect.schemas.slot.SlotAvailability;
import org.apache.avro.Protocol;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our record template (schemas/src/main/avro-templates/record.vm) gives every record hand-written coders,
 * including the timestamp-millis fields and the unions of records that Avro's own template leaves to its
 * generic writer. They must write exactly the bytes Avro's generic writer writes, and read them back to an
 * equal record, both through Avro's resolving decoder and on their own (bytes written with the record's own
 * schema): random records of every type, every union branch among them, are checked against Avro itself.
 */
class CustomCodersTest {
    private static final int RECORDS_PER_TYPE = 300;

    static Stream<Schema> recordTypes() {
        return Stream.of(Common.PROTOCOL, AppointmentState.PROTOCOL, AppointmentCommands.PROTOCOL,
                        AppointmentEvents.PROTOCOL, PracticeFeed.PROTOCOL, SlotAvailability.PROTOCOL)
                .map(Protocol::getTypes)
                .flatMap(types -> types.stream())
                .filter(s -> s.getType() == Schema.Type.RECORD)
                .distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void writeAndReadWhatAvrosGenericCodersDo(Schema schema) throws IOException {
        Class<?> type = SpecificData.get().getClass(schema);
        assertThat(type).as("generated class of %s", schema.getFullName()).isNotNull();
        Schema classSchema = SpecificData.get().getSchema(type);

        SpecificDatumReader<SpecificRecordBase> avrosReader = new SpecificDatumReader<>(classSchema);
        SpecificData customCoders = new SpecificData();
        customCoders.setCustomCoders(true);
        customCoders.setFastReaderEnabled(false);
        SpecificDatumReader<SpecificRecordBase> customReader = new SpecificDatumReader<>(classSchema, classSchema, customCoders);

        int seen = 0;
        for (Object generic : new RandomData(GenericData.get(), classSchema, RECORDS_PER_TYPE, 20261125L, false)) {
            byte[] avrosBytes = genericBytes(classSchema, generic);
            SpecificRecordBase record = avrosReader.read(null, DecoderFactory.get().binaryDecoder(avrosBytes, null));

            ByteArrayOutputStream custom = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(custom, null);
            record.customEncode(encoder);
            encoder.flush();
            assertThat(custom.toByteArray()).as("customEncode of %s", record).isEqualTo(avrosBytes);

            SpecificRecordBase decoded = customReader.read(null, DecoderFactory.get().binaryDecoder(avrosBytes, null));
            assertThat(decoded).isEqualTo(record);

            SpecificRecordBase own = (SpecificRecordBase) SpecificData.newInstance(type, classSchema);
            ((OwnSchemaDecodable) own).decodeOwnSchema(DecoderFactory.get().binaryDecoder(avrosBytes, null));
            assertThat(own).isEqualTo(record);
            seen++;
        }
        assertThat(seen).isEqualTo(RECORDS_PER_TYPE);
    }

    private static byte[] genericBytes(Schema schema, Object datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(schema).write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
