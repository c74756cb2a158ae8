package io.gpconnect.fhir.body;

import static io.gpconnect.fhir.error.GpConnectAssertions.assertBadRequest;
import static io.gpconnect.fhir.error.GpConnectAssertions.assertInvalidResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.gpconnect.fhir.security.FhirContexts;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §6: a body that is not JSON/XML is 400; a well-formed one that is not a valid Appointment is 422. */
class FhirBodiesTest {
    private static final String JSON = "application/fhir+json";
    private static final String XML = "application/fhir+xml";
    private final FhirBodies bodies = new FhirBodies(FhirContexts.DSTU3);

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"resourceType\":\"Appointment\"} trailing", "{\"resourceType\":\"Appointment\"} {}",
            "{\"resourceType\":\"Appointment\"}}", "[1]", "\"Appointment\"", "null", "{\"resourceType\":\"Appointment\",\"participant\":[{",
            "{\"resourceType\":\"Appointment\",\"participant\":[}", "{\"resourceType\" \"Appointment\"}", "{resourceType:\"Appointment\"}"})
    void answersBadRequestForJsonThatIsNotAResourceObject(String body) {
        assertBadRequest(() -> bodies.parse(body, JSON, Appointment.class));
    }

    @Test
    void answersBadRequestForXmlThatIsNotWellFormed() {
        assertBadRequest(() -> bodies.parse("<Appointment xmlns=\"http://hl7.org/fhir\">", XML, Appointment.class));
    }

    @Test
    void neverResolvesEntitiesOfARequestBody() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Appointment xmlns=\"http://hl7.org/fhir\"><description value=\"&x;\"/></Appointment>";
        assertBadRequest(() -> bodies.parse(xxe, XML, Appointment.class));
    }

    /** A DOCTYPE whose entities are never referenced would pass a non-validating reader on to HAPI's parser. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE Appointment [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Appointment xmlns=\"http://hl7.org/fhir\"/>",
            "<!DOCTYPE Appointment SYSTEM \"http://127.0.0.1:9/x.dtd\"><Appointment xmlns=\"http://hl7.org/fhir\"/>",
            "<!DOCTYPE a [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><Appointment xmlns=\"http://hl7.org/fhir\"/>"})
    void refusesAnyDoctype(String body) {
        assertThat(assertBadRequest(() -> bodies.parse(body, XML, Appointment.class)).diagnostics()).contains("DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"status\":\"cancelled\"}",
            "{\"resourceType\":\"Appointment\",\"resourceType\":\"Patient\"}",
            "{\"resourceType\":\"Appointment\",\"participant\":[{\"status\":\"accepted\",\"status\":\"declined\"}]}",
            "{\"resourceType\":\"Appointment\",\"meta\":{\"profile\":[\"a\"],\"profile\":[\"b\"]}}"})
    void refusesAJsonKeySentTwiceAtAnyDepth(String body) {
        assertBadRequest(() -> bodies.parse(body, JSON, Appointment.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", "{\"resourceType\":\"InvalidResourceType\"}",
            "{\"status\":\"booked\"}", "{\"resourceType\":\"Appointment\",\"invalidField\":1}",
            "{\"resourceType\":\"Appointment\",\"start\":\"garbage\"}"})
    void answersInvalidResourceForWellFormedBodiesThatAreNotValidAppointments(String body) {
        assertInvalidResource(() -> bodies.parse(body, JSON, Appointment.class));
    }

    /**
     * A 60-byte body with "priority":1e999999999 once took the whole engine down: HAPI turned the number into an
     * exact integer, a billion digits long (OutOfMemoryError). STU3's integer and decimal forms have no exponent.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"resourceType\":\"Appointment\",\"priority\":1e999999999}",
            "{\"resourceType\":\"Appointment\",\"minutesDuration\":1E+999999999}",
            "{\"resourceType\":\"Appointment\",\"priority\":1.5e1}",
            "{\"resourceType\":\"Appointment\",\"participant\":[{\"extension\":[{\"url\":\"u\",\"valueInteger\":2e999999999}]}]}",
            "{\"priority\":1e999999999,\"resourceType\":\"Appointment\"}"})
    void answersInvalidResourceForANumberInExponentForm(String body) {
        assertThat(assertInvalidResource(() -> bodies.parse(body, JSON, Appointment.class)).diagnostics()).contains("exponent");
    }

    /** Decoded as U+FFFD, these were stored as text the consumer never sent (race/fault probe, session 13). */
    @ParameterizedTest
    @ValueSource(strings = {"ff fe", "c0 af", "ed a0 80", "e2 82"})
    void refusesBytesThatAreNotUtf8(String hex) {
        byte[] bad = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
        byte[] before = "{\"resourceType\":\"Appointment\",\"description\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] after = "\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        System.arraycopy(bad, 0, body, before.length, bad.length);
        System.arraycopy(after, 0, body, before.length + bad.length, after.length);
        assertBadRequest(() -> FhirBodies.text(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void readsUtf8TextAsSent() {
        String sent = "{\"description\":\"caf\u00e9 \uD83D\uDE00\"}";
        assertThat(FhirBodies.text(sent.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "x\\udfffy", "\\ude00\\ud83d"})
    void refusesAStringWithAnUnpairedSurrogate(String escaped) {
        assertBadRequest(() -> bodies.parse("{\"resourceType\":\"Appointment\",\"description\":\"" + escaped + "\"}", JSON, Appointment.class));
    }

    @Test
    void acceptsAnEscapedSurrogatePair() {
        Appointment parsed = bodies.parse("{\"resourceType\":\"Appointment\",\"description\":\"\\ud83d\\ude00\"}", JSON, Appointment.class);
        assertThat(parsed.getDescription()).isEqualTo("\uD83D\uDE00");
    }

    /** XML carries numbers as text, which HAPI reads with Integer.parseInt: refused, and cheaply. */
    @Test
    void answersInvalidResourceForAnXmlNumberInExponentForm() {
        assertInvalidResource(() -> bodies.parse("<Appointment xmlns=\"http://hl7.org/fhir\"><priority value=\"1e999999999\"/></Appointment>",
                XML, Appointment.class));
    }

    @Test
    void answersInvalidResourceForAnotherXmlResource() {
        assertInvalidResource(() -> bodies.parse("<Patient xmlns=\"http://hl7.org/fhir\"/>", XML, Appointment.class));
    }

    @Test
    void readsAnEmptyValueAsAbsentSoThatBusinessRulesDecide() {
        Appointment parsed = bodies.parse("{\"resourceType\":\"Appointment\",\"extension\":[{\"url\":\"u\",\"valueString\":\"\"}]}",
                JSON, Appointment.class);
        assertThat(parsed.getExtensionByUrl("u").getValue()).satisfiesAnyOf(
                v -> assertThat(v).isNull(), v -> assertThat(((StringType) v).getValue()).isNullOrEmpty());
    }

    @Test
    void tellsJsonFromXmlByContentTypeOrElseByTheBody() {
        assertThat(bodies.parse("<Appointment xmlns=\"http://hl7.org/fhir\"><status value=\"booked\"/></Appointment>", null,
                Appointment.class).getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(bodies.parse("{\"resourceType\":\"Appointment\",\"status\":\"booked\"}", "application/json",
                Appointment.class).getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
    }
}
