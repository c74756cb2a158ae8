package io.gpconnect.topics;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAvroDatumProviderTest {

    @Test
    void oneReaderPerDistinctSchemaWhateverInstanceBringsIt() {
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
        Schema slot = SlotState.getClassSchema();
        // What the registry client hands over after each check period: the same schema, parsed again.
        Schema reparsed = new Schema.Parser().parse(slot.toString());
        assertThat(reparsed).isNotSameAs(slot).isEqualTo(slot);

        DatumReader<Object> first = provider.createDatumReader(slot);
        assertThat(provider.createDatumReader(slot)).isSameAs(first);
        assertThat(provider.createDatumReader(reparsed)).isSameAs(first);
        assertThat(provider.createDatumReader(slot)).isSameAs(first);
    }

    @Test
    void anotherSchemaGetsItsOwnReader() {
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
        Schema slot = SlotState.getClassSchema();
        Schema other = Schema.createRecord("Other", null, "io.gpconnect.test", false,
                List.of(new Schema.Field("id", Schema.create(Schema.Type.STRING))));

        DatumReader<Object> slotReader = provider.createDatumReader(slot);
        DatumReader<Object> otherReader = provider.createDatumReader(other);

        assertThat(otherReader).isNotSameAs(slotReader);
        assertThat(provider.createDatumReader(slot)).isSameAs(slotReader);
        assertThat(provider.createDatumReader(other)).isSameAs(otherReader);
    }

    @Test
    void ourRecordsWriteTheBytesAvrosWriterDoesIntoApicuriosUnbufferedEncoder() throws IOException {
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
        SlotState small = slot(3);
        SlotState large = slot(2_000); // beyond the writer's first buffer
        DatumWriter<Object> writer = provider.createDatumWriter(small, SlotState.getClassSchema());
        assertThat(writer).isInstanceOf(CustomCodedWriter.class);

        for (SlotState slot : List.of(small, large, small)) {
            assertThat(written(writer, slot)).isEqualTo(written(new SpecificDatumWriter<>(SlotState.getClassSchema()), slot));
        }
    }

    @Test
    void ourRecordsWrittenWithTheirOwnSchemaReadThemselvesOthersAreResolvedByAvro() throws IOException {
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
        provider.configure(new AvroSerdeConfig(Map.of("apicurio.registry.use-specific-avro-reader", "true")));
        SlotState slot = slot(2);
        byte[] bytes = written(new SpecificDatumWriter<>(SlotState.getClassSchema()), slot);

        DatumReader<Object> own = provider.createDatumReader(SlotState.getClassSchema());
        assertThat(own).isInstanceOf(OwnSchemaReader.class);
        assertThat(own.read(null, DecoderFactory.get().binaryDecoder(bytes, null))).isEqualTo(slot);

        // An older writer schema (without appointmentId): Avro resolves it, and the new field takes its default.
        Schema older = Schema.createRecord("SlotState", null, "io.gpconnect.schemas.slot", false,
                SlotState.getClassSchema().getFields().stream()
                        .filter(f -> !f.name().equals("appointmentId"))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .toList());
        DatumReader<Object> resolving = provider.createDatumReader(older);
        assertThat(resolving).isNotInstanceOf(OwnSchemaReader.class);
        byte[] olderBytes = written(new SpecificDatumWriter<>(older), slot);
        assertThat(olderBytes).isNotEqualTo(bytes);
        assertThat(resolving.read(null, DecoderFactory.get().binaryDecoder(olderBytes, null))).isEqualTo(slot);
    }

    @Test
    void aRecordThatFailsToEncodeLeavesNothingBehindForTheNext() throws IOException {
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
        SlotState valid = slot(3);
        DatumWriter<Object> writer = provider.createDatumWriter(valid, SlotState.getClassSchema());
        // Built without the builder's checks: serviceType must not be null, and encoding stops there.
        SlotState broken = new SlotState(valid.getId(), valid.getScheduleId(), valid.getStart(), valid.getEnd(), null,
                valid.getDeliveryChannel(), valid.getStatus(), true, List.of(), List.of(), null);

        assertThatThrownBy(() -> written(writer, broken)).isInstanceOf(NullPointerException.class);
        assertThat(written(writer, valid)).isEqualTo(written(new SpecificDatumWriter<>(SlotState.getClassSchema()), valid));
    }

    @Test
    void jsonEncodedRecordsAreWrittenAndReadAsAvroDoes() throws IOException {
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
        provider.configure(new AvroSerdeConfig(Map.of("apicurio.registry.use-specific-avro-reader", "true")));
        Schema schema = SlotState.getClassSchema();
        SlotState slot = slot(2);

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        JsonEncoder json = EncoderFactory.get().jsonEncoder(schema, ours);
        provider.createDatumWriter(slot, schema).write(slot, json);
        json.flush();
        ByteArrayOutputStream avros = new ByteArrayOutputStream();
        JsonEncoder avroJson = EncoderFactory.get().jsonEncoder(schema, avros);
        new SpecificDatumWriter<>(schema).write(slot, avroJson);
        avroJson.flush();
        assertThat(ours.toString()).isEqualTo(avros.toString());

        // Reading needs no such care: a JSON decoder follows the schema, and the record reads in schema order.
        Object read = provider.createDatumReader(schema).read(null, DecoderFactory.get().jsonDecoder(schema, ours.toString()));
        assertThat(read).isEqualTo(slot);
    }

    private static byte[] written(DatumWriter<Object> writer, Object datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(datum, EncoderFactory.get().directBinaryEncoder(out, null));
        return out.toByteArray();
    }

    private static SlotState slot(int bookableOdsCodes) {
        return SlotState.newBuilder()
                .setId("slot-1").setScheduleId("schedule-1")
                .setStart(Instant.parse("2026-11-25T09:00:00Z")).setEnd(Instant.parse("2026-11-25T09:10:00Z"))
                .setServiceType("General GP").setDeliveryChannel("In-person")
                .setStatus(SlotStatus.FREE)
                .setBookableOdsCodes(IntStream.range(0, bookableOdsCodes).mapToObj(i -> "ODS" + i).toList())
                .setAppointmentId(null)
                .build();
    }
}
