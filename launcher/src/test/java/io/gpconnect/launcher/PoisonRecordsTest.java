package io.gpconnect.launcher;

import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Poison records never stop the processor: they land on the dead-letter topic with their reason. */
class PoisonRecordsTest {

    @TempDir
    Path dir;

    // Its own engine: were the poison to stop the processor, no other test should be the one to fail for it.
    @Test
    void unreadableCommandsGoToTheDeadLetterTopicAndBookingGoesOn() throws Exception {
        try (Engine engine = Engine.start(Engine.Options.defaults(dir).withPort(0))) {
            poisonThenBook(engine);
        }
    }

    private void poisonThenBook(Engine engine) throws Exception {
        String bootstrap = engine.settings().bootstrapServers();
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).put(new byte[] {2, 4, 6, 8}).array();
        // A record written with some other schema: readable as Avro, but not as an AppointmentCommand.
        SlotAvailabilityChanged other = SlotAvailabilityChanged.newBuilder().setPracticeOds("A20047").setChangedAt(Instant.now())
                .setSlot(SlotState.newBuilder().setId("x").setScheduleId("y").setStart(Instant.now()).setEnd(Instant.now())
                        .setServiceType("t").setDeliveryChannel("In-person").setStatus(SlotStatus.FREE).build()).build();
        byte[] wrongSchema = engine.settings().serdes().<SlotAvailabilityChanged>valueSerde().serializer()
                .serialize("poison-test-other-topic", other);

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : List.of(garbage, unknownSchema, wrongSchema)) {
                producer.send(new ProducerRecord<>(Topics.APPOINTMENT_COMMANDS.name(), "A20047".getBytes(StandardCharsets.UTF_8), value)).get();
            }
        }

        GpConnectClient client = new GpConnectClient(engine.serviceRoot());
        FreeSlots.Found slot = FreeSlots.search(client, 7, 1).get(0);
        HttpResponse<String> booked = client.post("/Appointment", Bookings.body(List.of(slot), "Patient/4"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(booked.statusCode()).as("the processor still decides after the poison: " + booked.body()).isEqualTo(201);

        List<ConsumerRecord<byte[], byte[]>> dead = readDeadLetters(bootstrap);
        List<byte[]> values = dead.stream().map(ConsumerRecord::value).toList();
        assertThat(values).anySatisfy(v -> assertThat(v).isEqualTo(garbage));
        assertThat(values).anySatisfy(v -> assertThat(v).isEqualTo(unknownSchema));
        assertThat(values).anySatisfy(v -> assertThat(v).isEqualTo(wrongSchema));
        assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("__streams.errors.exception")).isNotNull());

        double dropped = engine.projectionDroppedRecords();
        assertThat(dropped).isGreaterThanOrEqualTo(3);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(String bootstrap) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition p = new TopicPartition(Topics.DEAD_LETTERS.name(), 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            long deadline = System.currentTimeMillis() + 30_000;
            while (consumer.position(p) < end && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
