package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The walking skeleton: HTTP → command topic → EOS processor → event → view → HTTP, over a real broker. */
class EndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Engine engine;
    static GpConnectClient client;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("gpconnect-e2e-");
        engine = Engine.start(Engine.Options.defaults(dir).withPort(0));
        client = new GpConnectClient(engine.serviceRoot());
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void metadataIsACapabilityStatementForGpConnect127() throws Exception {
        HttpResponse<String> r = client.get("/metadata", "rest:read:metadata-1", "organization/*.read");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode cs = JSON.readTree(r.body());
        assertThat(cs.get("resourceType").asText()).isEqualTo("CapabilityStatement");
        assertThat(cs.get("version").asText()).isEqualTo("1.2.7");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void searchBookReadAmendCancel() throws Exception {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        String search = "/Slot?start=ge" + tomorrow + "&end=le" + tomorrow.plusDays(6) + "&status=free&_include=Slot:schedule"
                + "&_include:recurse=Schedule:actor:Practitioner&_include:recurse=Schedule:actor:Location"
                + "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7CA20047";
        HttpResponse<String> found = client.get(search, "rest:search:slot-1", "organization/*.read");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode bundle = JSON.readTree(found.body());
        JsonNode slot = null;
        JsonNode schedule = null;
        for (JsonNode e : bundle.get("entry")) {
            JsonNode res = e.get("resource");
            if (slot == null && res.get("resourceType").asText().equals("Slot")) {
                slot = res;
            }
        }
        assertThat(slot).as("a free slot in " + found.body()).isNotNull();
        String scheduleRef = slot.get("schedule").get("reference").asText();
        for (JsonNode e : bundle.get("entry")) {
            JsonNode res = e.get("resource");
            if (res.get("resourceType").asText().equals("Schedule") && scheduleRef.equals("Schedule/" + res.get("id").asText())) {
                schedule = res;
            }
        }
        assertThat(schedule).isNotNull();
        String locationRef = null;
        String practitionerRef = null;
        for (JsonNode actor : schedule.get("actor")) {
            String ref = actor.get("reference").asText();
            if (ref.startsWith("Location/")) {
                locationRef = ref;
            } else {
                practitionerRef = ref;
            }
        }

        String body = bookingBody(slot, locationRef, practitionerRef, "Patient/1");
        HttpResponse<String> booked = client.post("/Appointment", body, "rest:create:appointment-1", "patient/*.write");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode appointment = JSON.readTree(booked.body());
        String id = appointment.get("id").asText();
        assertThat(booked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/Appointment/" + id));

        HttpResponse<String> read = client.get("/Appointment/" + id, "rest:read:appointment-1", "patient/*.read");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("W/\"1\"");

        HttpResponse<String> again = client.post("/Appointment", bookingBody(slot, locationRef, practitionerRef, "Patient/2"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("DUPLICATE_REJECTED");

        var amended = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(read.body());
        amended.put("description", "Amended description");
        HttpResponse<String> amend = client.put("/Appointment/" + id, amended.toString(), "W/\"1\"", "rest:update:appointment-1", "patient/*.write");
        assertThat(amend.statusCode()).as(amend.body()).isEqualTo(200);
        assertThat(JSON.readTree(amend.body()).get("description").asText()).isEqualTo("Amended description");

        HttpResponse<String> stale = client.put("/Appointment/" + id, amended.toString(), "W/\"1\"", "rest:update:appointment-1", "patient/*.write");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);

        var cancel = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(amend.body());
        cancel.put("status", "cancelled");
        ((com.fasterxml.jackson.databind.node.ArrayNode) cancel.get("extension")).addObject()
                .put("url", "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1")
                .put("valueString", "Patient no longer requires appointment");
        HttpResponse<String> cancelled = client.put("/Appointment/" + id, cancel.toString(), "W/\"2\"", "rest:cancel:appointment-1", "patient/*.write");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(JSON.readTree(cancelled.body()).get("status").asText()).isEqualTo("cancelled");

        HttpResponse<String> rebook = client.post("/Appointment", bookingBody(slot, locationRef, practitionerRef, "Patient/2"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(rebook.statusCode()).as("the cancelled slot is free again: " + rebook.body()).isEqualTo(201);
    }

    static String bookingBody(JsonNode slot, String locationRef, String practitionerRef, String patientRef) {
        String practitioner = practitionerRef == null ? "" :
                ",{\"actor\":{\"reference\":\"" + practitionerRef + "\"},\"status\":\"accepted\"}";
        return "{\"resourceType\":\"Appointment\","
                + "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1\"]},"
                + "\"contained\":[{\"resourceType\":\"Organization\",\"id\":\"1\","
                + "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1\"]},"
                + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"A20047\"}],"
                + "\"name\":\"Test Suite Validator\",\"telecom\":[{\"system\":\"phone\",\"value\":\"01823938938\",\"use\":\"temp\"}]}],"
                + "\"extension\":[{\"url\":\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1\","
                + "\"valueReference\":{\"reference\":\"#1\"}}],"
                + "\"status\":\"booked\",\"description\":\"Test appointment\","
                + "\"start\":\"" + slot.get("start").asText() + "\",\"end\":\"" + slot.get("end").asText() + "\","
                + "\"slot\":[{\"reference\":\"Slot/" + slot.get("id").asText() + "\"}],"
                + "\"created\":\"2020-01-01T10:00:00+00:00\","
                + "\"participant\":[{\"actor\":{\"reference\":\"" + patientRef + "\"},\"status\":\"accepted\"},"
                + "{\"actor\":{\"reference\":\"" + locationRef + "\"},\"status\":\"accepted\"}" + practitioner + "]}";
    }
}
