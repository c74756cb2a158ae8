package io.gpconnect.analytics;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.gpconnect.kafka.embedded.EmbeddedKafka;
import io.gpconnect.registry.embedded.EmbeddedSchemaRegistry;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandType;
import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.topics.AvroSerdes;
import io.gpconnect.topics.TopicProvisioner;
import io.gpconnect.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.gpconnect.analytics.Records.booked;
import static io.gpconnect.analytics.Records.cancelled;
import static io.gpconnect.analytics.Records.rejected;
import static io.gpconnect.analytics.Records.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer against a real broker and registry: records produced the way the slot projection produces them
 * (Apicurio serializer, Kafka transactions), read back by topic name and registry schema alone.
 */
class AnalyticsConsumerIntegrationTest {
    private static final String ODS = "A20047";
    private static final Instant DECIDED = Instant.parse("2025-03-03T10:00:00Z");
    private static final Instant SLOT_DAY = Instant.parse("2025-03-05T09:00:00Z");
    private static final LocalDate DECISION_DATE = LocalDate.of(2025, 3, 3);
    private static final LocalDate SLOT_DATE = LocalDate.of(2025, 3, 5);

    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void publishADayOfDecisions() {
        kafka = EmbeddedKafka.startTemporary();
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        TopicProvisioner.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);

        AppointmentEvent bookedA1 = booked(ODS, "a1", DECIDED, SLOT_DAY.plusSeconds(600));
        try (KafkaProducer<String, SpecificRecord> producer = transactionalProducer()) {
            producer.initTransactions();

            producer.beginTransaction();
            availability(producer, ODS, slot(ODS, "s1", SLOT_DAY, SlotStatus.FREE, null));
            availability(producer, ODS, slot(ODS, "s2", SLOT_DAY.plusSeconds(600), SlotStatus.FREE, null));
            availability(producer, ODS, slot(ODS, "s3", SLOT_DAY.plusSeconds(1200), SlotStatus.FREE, null));
            availability(producer, ODS, slot(ODS, "s2", SLOT_DAY.plusSeconds(600), SlotStatus.BUSY, "a1"));
            event(producer, ODS, bookedA1);
            availability(producer, ODS, slot(ODS, "s3", SLOT_DAY.plusSeconds(1200), SlotStatus.BUSY, "a2"));
            event(producer, ODS, booked(ODS, "a2", DECIDED.plusSeconds(60), SLOT_DAY.plusSeconds(1200)));
            event(producer, ODS, rejected(DECIDED.plusSeconds(90), CommandType.BOOK, RejectionReason.SLOT_NOT_FREE));
            availability(producer, ODS, slot(ODS, "s3", SLOT_DAY.plusSeconds(1200), SlotStatus.FREE, null));
            event(producer, ODS, cancelled(ODS, "a2", DECIDED.plusSeconds(120), SLOT_DAY.plusSeconds(1200)));
            // A redelivered command is answered with its first event again.
            event(producer, ODS, bookedA1);
            event(producer, "B82001", booked("B82001", "b1", DECIDED, DECIDED.plus(Duration.ofDays(1))));
            producer.commitTransaction();

            // A decision the processor aborted (say, it crashed before committing) was never made.
            producer.beginTransaction();
            availability(producer, ODS, slot(ODS, "s1", SLOT_DAY, SlotStatus.BUSY, "a9"));
            event(producer, ODS, booked(ODS, "a9", DECIDED.plusSeconds(180), SLOT_DAY));
            producer.flush();
            producer.abortTransaction();
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void countsCommittedDecisionsOnceAndUtilisationFromTheSlotsLatestState() {
        AppointmentAnalytics analytics = new AppointmentAnalytics(ZoneId.of("Europe/London"));
        try (AnalyticsConsumer consumer = new AnalyticsConsumer(kafka.bootstrapServers(), registry.url(), true, analytics)) {
            assertThat(consumer.readToEnd(Duration.ofSeconds(60))).as("caught up").isTrue();
        }

        Map<String, Map<LocalDate, DailyFigures>> byPractice = new HashMap<>();
        analytics.figures().forEach(f -> byPractice.computeIfAbsent(f.practiceOds(), k -> new HashMap<>()).put(f.date(), f));

        DailyFigures decisions = byPractice.get(ODS).get(DECISION_DATE);
        assertThat(decisions.booked()).as("a1 once despite the redelivery, a2; never the aborted a9").isEqualTo(2);
        assertThat(decisions.cancelled()).isEqualTo(1);
        assertThat(decisions.rejectedByReason()).containsExactly(Map.entry(RejectionReason.SLOT_NOT_FREE, 1));
        LeadTime leadTime = decisions.leadTime().orElseThrow();
        Duration a1 = Duration.between(DECIDED, SLOT_DAY.plusSeconds(600));
        Duration a2 = Duration.between(DECIDED.plusSeconds(60), SLOT_DAY.plusSeconds(1200));
        assertThat(leadTime.mean()).isEqualTo(a1.plus(a2).dividedBy(2));
        assertThat(leadTime.median()).as("the median of two is their mean").isEqualTo(leadTime.mean());

        DailyFigures slots = byPractice.get(ODS).get(SLOT_DATE);
        assertThat(slots.slotsOffered()).isEqualTo(3);
        assertThat(slots.slotsBooked()).as("s2 held by a1; s3 freed by the cancellation; s1's booking aborted").isEqualTo(1);
        assertThat(slots.utilisation()).hasValueCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(byPractice.get("B82001").get(DECISION_DATE).booked()).isEqualTo(1);
    }

    @Test
    void withoutFromBeginningOnlyNewDecisionsCountButEverySlotIsKnown() {
        AppointmentAnalytics analytics = new AppointmentAnalytics(ZoneId.of("Europe/London"));
        try (AnalyticsConsumer consumer = new AnalyticsConsumer(kafka.bootstrapServers(), registry.url(), false, analytics)) {
            assertThat(consumer.readToEnd(Duration.ofSeconds(60))).isTrue();
        }

        List<DailyFigures> figures = analytics.figures();

        assertThat(figures).extracting(DailyFigures::date).containsExactly(SLOT_DATE);
        assertThat(figures.get(0).booked()).isZero();
        assertThat(figures.get(0).slotsBooked()).isEqualTo(1);
    }

    @Test
    void theCommandPrintsTheFiguresOnceAsJson() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new AnalyticsCommand()).setOut(new PrintWriter(out));

        int exit = command.execute("--bootstrap-servers", kafka.bootstrapServers(), "--registry-url", registry.url(),
                "--from-beginning", "--once", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .startsWith("{\"figures\":[")
                .contains("{\"practiceOds\":\"A20047\",\"date\":\"2025-03-03\",\"booked\":2,\"amended\":0,\"cancelled\":1,\"rejected\":1,")
                .contains("\"date\":\"2025-03-05\"", "\"slotsOffered\":3,\"slotsBooked\":1,\"utilisation\":0.3333")
                .contains("{\"practiceOds\":\"B82001\"");
    }

    @Test
    void theCommandPrintsATableByDefault() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new AnalyticsCommand()).setOut(new PrintWriter(out));

        int exit = command.execute("--bootstrap-servers", kafka.bootstrapServers(), "--registry-url", registry.url(),
                "--from-beginning", "--once");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("PRACTICE").contains("A20047", "1d 23h", "33%", "SLOT_NOT_FREE=1");
    }

    @Test
    void theCommandRefusesToGuessWhereKafkaIs() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AnalyticsCommand()).setErr(new PrintWriter(err));

        int exit = command.execute("--bootstrap-servers", "", "--registry-url", "", "--once");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap-servers and --registry-url");
    }

    private static KafkaProducer<String, SpecificRecord> transactionalProducer() {
        Map<String, Object> config = new HashMap<>(new AvroSerdes(registry.url()).serdeConfig());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "analytics-it");
        AvroKafkaSerializer<SpecificRecord> values = new AvroKafkaSerializer<>();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    private static void event(KafkaProducer<String, SpecificRecord> producer, String ods, AppointmentEvent event) {
        producer.send(new ProducerRecord<>(Topics.APPOINTMENT_EVENTS.name(), ods, event));
    }

    private static void availability(KafkaProducer<String, SpecificRecord> producer, String ods, SpecificRecord change) {
        producer.send(new ProducerRecord<>(Topics.SLOT_AVAILABILITY.name(), ods, change));
    }
}
