package io.gpconnect.launcher.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What spec §1 and §8 require of every resource in every answer: meta.profile (and versionId on stored
 * resources), local relative references only, no Bundle fullUrl, and times in UK local time with an explicit
 * +00:00/+01:00 offset, never Z. Checked on the raw JSON, so nothing a parser would normalise can hide.
 */
class ResourceConventionsTest {
    private static final Pattern RELATIVE = Pattern.compile("([A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64})|(#[A-Za-z0-9\\-.]{1,64})");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern UK_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?\\+0[01]:00");
    /** Resources that are not stored versions of anything. */
    private static final Set<String> UNVERSIONED = Set.of("Bundle", "OperationOutcome", "CapabilityStatement");
    private static final Appointments appointments = new Appointments();
    private static String appointmentId;

    @BeforeAll
    static void book() {
        appointmentId = appointments.booked(12, "Patient/7").getIdElement().getIdPart();
    }

    @AfterAll
    static void cleanUp() {
        appointments.cancelRemaining();
    }

    static Stream<Arguments> answers() {
        LocalDate today = OpenSlots.today();
        Map<String, Supplier<Call>> calls = new java.util.LinkedHashMap<>();
        calls.put("metadata", () -> Call.get("/metadata", Gpc.METADATA));
        calls.put("patient search", () -> Call.get("/Patient", Gpc.PATIENT_SEARCH).param("identifier", PatientTest.NHS_NUMBER + "|9658218873"));
        calls.put("patient read", () -> Call.get("/Patient/1", Gpc.PATIENT_READ));
        calls.put("organization search", () -> Call.get("/Organization", Gpc.ORGANIZATION_SEARCH).param("identifier", Jwt.ODS_SYSTEM + "|A20047"));
        calls.put("organization read", () -> Call.get("/Organization/1", Gpc.ORGANIZATION_READ));
        calls.put("practitioner search", () -> Call.get("/Practitioner", Gpc.PRACTITIONER_SEARCH).param("identifier", Jwt.SDS_USER_ID + "|G22345655"));
        calls.put("practitioner read", () -> Call.get("/Practitioner/2", Gpc.PRACTITIONER_READ));
        calls.put("location read", () -> Call.get("/Location/8", Gpc.LOCATION_READ));
        calls.put("slot search with every include", () -> OpenSlots.search(today, today.plusDays(2))
                .param("_include:recurse", "Schedule:actor:Practitioner").param("_include:recurse", "Schedule:actor:Location")
                .param("_include:recurse", "Location:managingOrganization"));
        calls.put("appointment read", () -> Call.get("/Appointment/" + appointmentId, Gpc.READ_APPOINTMENT));
        calls.put("patient appointments", () -> Call.get("/Patient/7/Appointment", Gpc.PATIENT_APPOINTMENTS)
                .param("start", "ge" + today).param("start", "le" + today.plusDays(14)));
        calls.put("an error", () -> Call.get("/Appointment/Invalid4321", Gpc.READ_APPOINTMENT));
        return calls.entrySet().stream().map(e -> arguments(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void followsTheResourceConventions(String name, Supplier<Call> call) {
        Reply reply = call.get().send();
        SpineAssertions.assertNoStore(reply);
        assertThat(reply.mediaType()).isEqualTo(Call.FHIR_JSON);
        List<String> problems = new ArrayList<>();
        walk(reply.json(), "$", false, problems);
        assertThat(problems).as(reply.toString()).isEmpty();
        if (reply.header("ETag") != null) {
            assertThat(reply.header("ETag")).isEqualTo("W/\"" + reply.json().path("meta").path("versionId").asText() + "\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void readsBackAsValidStu3(String name, Supplier<Call> call) {
        Reply reply = call.get().accept(Call.FHIR_XML).send();
        assertThat(reply.isXml()).isTrue();
        reply.resource();
    }

    private static void walk(JsonNode node, String path, boolean contained, List<String> problems) {
        if (node.isObject()) {
            if (node.has("resourceType")) {
                checkResource(node, path, contained, problems);
            }
            // Its profile references are canonical URLs of StructureDefinitions, not references to resources.
            boolean canonicalReferences = node.path("resourceType").asText().equals("CapabilityStatement");
            node.fields().forEachRemaining(field -> {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (!canonicalReferences && name.equals("reference") && value.isTextual() && !RELATIVE.matcher(value.asText()).matches()) {
                    problems.add(path + ".reference is not a local relative reference: " + value.asText());
                }
                if (name.equals("fullUrl")) {
                    problems.add(path + " has a fullUrl");
                }
                if (!canonicalReferences || !name.equals("profile") && !name.equals("rest")) {
                    walk(value, path + "." + name, contained || name.equals("contained"), problems);
                } else {
                    walkTimesOnly(value, path + "." + name, problems);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", contained, problems);
            }
        } else if (node.isTextual() && DATE_TIME.matcher(node.asText()).matches()) {
            checkTime(node.asText(), path, problems);
        }
    }

    private static void walkTimesOnly(JsonNode node, String path, List<String> problems) {
        if (node.isContainerNode()) {
            node.fields().forEachRemaining(f -> walkTimesOnly(f.getValue(), path + "." + f.getKey(), problems));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                walkTimesOnly(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isTextual() && DATE_TIME.matcher(node.asText()).matches()) {
            checkTime(node.asText(), path, problems);
        }
    }

    private static void checkResource(JsonNode resource, String path, boolean contained, List<String> problems) {
        String type = resource.get("resourceType").asText();
        if (!type.equals("CapabilityStatement") && !resource.path("meta").path("profile").isArray()) {
            problems.add(path + " (" + type + ") has no meta.profile");
        }
        if (!contained && !UNVERSIONED.contains(type) && resource.path("meta").path("versionId").asText().isBlank()) {
            problems.add(path + " (" + type + ") has no meta.versionId");
        }
    }

    private static void checkTime(String value, String path, List<String> problems) {
        if (!UK_DATE_TIME.matcher(value).matches()) {
            problems.add(path + " is not a UK local time with an explicit offset: " + value);
            return;
        }
        OffsetDateTime time = OffsetDateTime.parse(value);
        if (!OpenSlots.UK.getRules().getOffset(time.toInstant()).equals(time.getOffset())) {
            problems.add(path + " has an offset that is not UK local time on that date: " + value);
        }
    }
}
