package io.gpconnect.launcher;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.slots.SlotProjection;
import io.gpconnect.store.AppointmentStore;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The operations commands run in-process against a running engine, as `./gpconnect import|tail|lag` would. */
class OperationsCommandsTest {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int DAYS_AHEAD = 40; // beyond the demo's rolling 14 days: only imported slots live there
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anImportedBundlesSlotsAreSearchableBookableAndTheBookingShowsInTail() throws Exception {
        Engine engine = SharedEngine.get();
        Path bundle = dir.resolve("practice.xml");
        Files.writeString(bundle, FhirContext.forDstu3().newXmlParser().encodeResourceToString(bundle(3, "imp")));

        Run imported = run("import", bundle.toString(), "--ods", "A20047", "--progress-every", "2", "--data-dir", dataDir(engine));
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Importing 6 records for practice A20047 onto gpc.practice.feed (1 Location, 1 Practitioner, 1 Schedule, 3 Slot)",
                "2/6 published", "4/6 published", "Imported 6 records for practice A20047");

        GpConnectClient client = SharedEngine.client();
        List<FreeSlots.Found> slots = awaitSlots(client, 3);
        assertThat(slots).extracting(FreeSlots.Found::id).containsExactlyInAnyOrder("imp-slot-0", "imp-slot-1", "imp-slot-2");
        assertThat(slots).allSatisfy(s -> {
            assertThat(s.locationRef()).isEqualTo("Location/imp-location");
            assertThat(s.practitionerRef()).isEqualTo("Practitioner/imp-practitioner");
        });

        FreeSlots.Found booked = slots.get(0);
        HttpResponse<String> created = client.post("/Appointment", Bookings.body(List.of(booked), "Patient/2"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String appointmentId = JSON.readTree(created.body()).get("id").asText();

        Run tail = run("tail", "--from-beginning", "--timeout", "3", "--data-dir", dataDir(engine));
        assertThat(tail.exit()).as(tail.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : tail.out().strip().split("\n")) {
            lines.add(JSON.readTree(line)); // every line is JSON
        }
        assertThat(lines).allSatisfy(l -> assertThat(l.get("topic").asText()).isEqualTo(Topics.APPOINTMENT_EVENTS.name()));
        JsonNode event = lines.stream().filter(l -> l.toString().contains("\"" + booked.id() + "\"")).findFirst().orElseThrow();
        assertThat(event.get("key").asText()).isEqualTo("A20047");
        assertThat(event.get("type").asText()).isEqualTo("io.gpconnect.schemas.event.AppointmentEvent");
        JsonNode bookedEvent = event.at("/value/event").get("io.gpconnect.schemas.event.AppointmentBooked");
        assertThat(bookedEvent).as(event.toString()).isNotNull();
        assertThat(bookedEvent.toString()).contains(appointmentId);

        Run limited = run("tail", "--from-beginning", "--max", "1", "--data-dir", dataDir(engine));
        assertThat(limited.out().strip().lines()).hasSize(1);
    }

    @Test
    void anInvalidBundleIsRefusedWholeAndPublishesNothing() throws Exception {
        Engine engine = SharedEngine.get();
        Bundle invalid = bundle(2, "bad");
        invalid.addEntry().setResource(new Patient().setId("p1"));
        ((Slot) invalid.getEntry().get(3).getResource()).setSchedule(new Reference("Schedule/nowhere"));
        Path file = dir.resolve("invalid.json");
        Files.writeString(file, FhirContext.forDstu3().newJsonParser().encodeResourceToString(invalid));
        long before = feedEnd(engine);

        Run refused = run("import", file.toString(), "--ods", "A20047", "--data-dir", dataDir(engine));

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("refused, nothing published: 2 problem(s)",
                "a Patient cannot be imported", "Slot/bad-slot-0: its Schedule/nowhere is not in the bundle");
        assertThat(feedEnd(engine)).isEqualTo(before);

        Path notFhir = Files.writeString(dir.resolve("not-fhir.json"), "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",\"colour\":\"red\"}}]}");
        Run unparsable = run("import", notFhir.toString(), "--ods", "A20047", "--data-dir", dataDir(engine));
        assertThat(unparsable.exit()).isEqualTo(1);
        assertThat(unparsable.err()).contains("not a FHIR STU3 Bundle");
        assertThat(feedEnd(engine)).isEqualTo(before);
    }

    @Test
    void lagShowsBothStreamsApplicationsPerPartition() {
        Engine engine = SharedEngine.get();
        Run lag = run("lag", "--data-dir", dataDir(engine));
        assertThat(lag.exit()).as(lag.err()).isZero();
        List<String> rows = lag.out().lines().toList();
        assertThat(rows.get(0)).containsSubsequence("GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(SlotProjection.APPLICATION_ID).contains(Topics.APPOINTMENT_COMMANDS.name()));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(AppointmentStore.APPLICATION_ID).contains(Topics.APPOINTMENT_EVENTS.name()));
        assertThat(rows).filteredOn(r -> r.contains(" total ")).hasSize(2);
    }

    @Test
    void withoutARunningServeTheCommandsSayHowToReachOne() {
        Run lag = run("lag", "--data-dir", dir.toString());
        assertThat(lag.exit()).isEqualTo(2);
        assertThat(lag.err()).contains("no running ./gpconnect serve found on data dir " + dir);
        Run tail = run("tail", "--bootstrap-servers", "127.0.0.1:9", "--data-dir", dir.toString());
        assertThat(tail.exit()).isEqualTo(2);
        assertThat(tail.err()).contains("--registry-url is needed");
    }

    /** Nothing listens on port 9: one line saying so and exit 1, within the command's own timeout, not a stack trace after a minute. */
    @Test
    void lagWithKafkaUnreachableSaysSoInOneLine() {
        long started = System.nanoTime();
        Run lag = run("lag", "--bootstrap-servers", "127.0.0.1:9", "--data-dir", dir.toString());

        assertThat(lag.exit()).as(lag.err()).isEqualTo(1);
        assertThat(lag.err().strip()).startsWith("gpconnect lag: Cannot read the offsets of " + SlotProjection.APPLICATION_ID)
                .contains("no answer from Kafka at 127.0.0.1:9").doesNotContain("Exception", "\tat ");
        assertThat(lag.err().strip().lines()).hasSize(1);
        assertThat(lag.out()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("closing does not wait out the admin's default minute")
                .isLessThan(Duration.ofSeconds(45));
    }

    /** The registry answers but Kafka does not: one line within the command's 10 s, not a stack trace a minute later. */
    @Test
    void tailWithKafkaUnreachableSaysSoInOneLine() {
        String registry = SharedEngine.get().settings().registryUrl();
        long started = System.nanoTime();
        Run tail = run("tail", "--bootstrap-servers", "127.0.0.1:9", "--registry-url", registry, "--data-dir", dir.toString());

        assertThat(tail.exit()).as(tail.err()).isEqualTo(1);
        assertThat(tail.err().strip()).isEqualTo("gpconnect tail: no answer from Kafka at 127.0.0.1:9 within 10 s");
        assertThat(tail.out()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
    }

    /**
     * Each record's send used to wait out the client's minute for metadata, and its failure was never looked at, so an
     * import with Kafka down ran for hours and then printed "Imported". Now the first failed send stops it: exit 1 and how
     * far it got.
     */
    @Test
    void importWithKafkaUnreachableStopsAtTheFirstFailureAndSaysHowFarItGot() throws Exception {
        String registry = SharedEngine.get().settings().registryUrl();
        Path bundle = dir.resolve("practice.json");
        Files.writeString(bundle, FhirContext.forDstu3().newJsonParser().encodeResourceToString(bundle(30, "down")));
        long started = System.nanoTime();

        Run imported = run("import", bundle.toString(), "--ods", "A20047", "--bootstrap-servers", "127.0.0.1:9", "--registry-url", registry,
                "--data-dir", dir.toString());

        assertThat(imported.exit()).as(imported.err()).isEqualTo(1);
        assertThat(imported.out()).contains("Importing 33 records").doesNotContain("Imported", "published");
        assertThat(imported.err().strip()).startsWith("gpconnect import: 0 of 33 records published, then: ")
                .contains("10000 ms", "importing the file again once that is mended is safe").doesNotContain("\tat ");
        assertThat(imported.err().strip().lines()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
    }

    /** Kafka answers but the schema registry does not: nothing can be encoded, so nothing is published, and it says so. */
    @Test
    void importWithTheRegistryUnreachablePublishesNothingAndSaysSo() throws Exception {
        Engine engine = SharedEngine.get();
        Path bundle = dir.resolve("practice.json");
        Files.writeString(bundle, FhirContext.forDstu3().newJsonParser().encodeResourceToString(bundle(2, "noreg")));
        long before = feedEnd(engine);
        long started = System.nanoTime();

        Run imported = run("import", bundle.toString(), "--ods", "A20047", "--bootstrap-servers", engine.settings().bootstrapServers(),
                "--registry-url", "http://127.0.0.1:9/apis/registry/v3", "--data-dir", dir.toString());

        assertThat(imported.exit()).as(imported.err()).isEqualTo(1);
        assertThat(imported.err().strip()).startsWith("gpconnect import: 0 of 5 records published, then: ").doesNotContain("\tat ");
        assertThat(imported.err().strip().lines()).hasSize(1);
        assertThat(feedEnd(engine)).isEqualTo(before);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
    }

    /** A practice export: one location, practitioner and schedule, {@code slots} fifteen-minute slots. */
    private static Bundle bundle(int slots, String prefix) {
        LocalDate day = LocalDate.now(UK).plusDays(DAYS_AHEAD);
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Location location = new Location().setName("Imported branch surgery").setManagingOrganization(new Reference("Organization/1"));
        location.setId(prefix + "-location");
        Practitioner practitioner = new Practitioner();
        practitioner.setId(prefix + "-practitioner");
        practitioner.addIdentifier().setSystem(Profiles.SDS_USER_ID).setValue(prefix.toUpperCase() + "G999");
        practitioner.addName().setFamily("Imported").addGiven("Alex").addPrefix("Dr");
        Schedule schedule = new Schedule();
        schedule.setId(prefix + "-schedule");
        schedule.addExtension(Profiles.EXT_PRACTITIONER_ROLE, new CodeableConcept().addCoding(
                new Coding(Profiles.CS_SDS_JOB_ROLE, "R0260", "General Medical Practitioner")));
        schedule.addActor(new Reference("Location/" + location.getIdElement().getIdPart()));
        schedule.addActor(new Reference("Practitioner/" + practitioner.getIdElement().getIdPart()));
        schedule.setServiceCategory(new CodeableConcept().setText("GP Surgery"));
        schedule.setPlanningHorizon(new Period().setStart(date(day.atStartOfDay(UK))).setEnd(date(day.plusDays(1).atStartOfDay(UK))));
        List<Resource> resources = new ArrayList<>(List.of(location, practitioner, schedule));
        for (int i = 0; i < slots; i++) {
            ZonedDateTime start = day.atTime(10, 0).plusMinutes(15L * i).atZone(UK);
            Slot slot = new Slot().setSchedule(new Reference("Schedule/" + schedule.getIdElement().getIdPart()))
                    .setStatus(Slot.SlotStatus.FREE).setStart(date(start)).setEnd(date(start.plusMinutes(15)));
            slot.setId(prefix + "-slot-" + i);
            slot.addServiceType(new CodeableConcept().setText("Imported consultation"));
            slot.addExtension(Profiles.EXT_DELIVERY_CHANNEL, new CodeType("In-person"));
            resources.add(slot);
        }
        resources.forEach(r -> b.addEntry().setResource(r));
        return b;
    }

    private static List<FreeSlots.Found> awaitSlots(GpConnectClient client, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        List<FreeSlots.Found> found = FreeSlots.search(client, DAYS_AHEAD, 1);
        while (found.size() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            found = FreeSlots.search(client, DAYS_AHEAD, 1);
        }
        return found;
    }

    private static long feedEnd(Engine engine) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", engine.settings().bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(Topics.PRACTICE_FEED.name())).allTopicNames().get()
                    .get(Topics.PRACTICE_FEED.name()).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.PRACTICE_FEED.name(), p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private static Date date(ZonedDateTime t) {
        return Date.from(t.toInstant());
    }

    private static String dataDir(Engine engine) {
        return engine.settings().stateDir().toString();
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GpConnectCli.commandLine(Map.of());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
