package io.gpconnect.launcher.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;

/** The Spine Secure Proxy headers every request carries (spec §1.1; suite SSP.feature and the "invalid response" scenarios). */
class SspHeadersTest {

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization"})
    void needsEveryHeader(String header) {
        assertError(Call.get("/metadata", Gpc.METADATA).without(header).send(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "blank {0}")
    @ValueSource(strings = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization"})
    void treatsABlankHeaderAsMissing(String header) {
        assertError(Call.get("/metadata", Gpc.METADATA).header(header, " ").send(), 400, "BAD_REQUEST");
    }

    @Test
    void acceptsOnlyItsOwnAsidInSspTo() {
        assertError(Call.get("/metadata", Gpc.METADATA).header("Ssp-To", "123456789123").send(), 400, "BAD_REQUEST");
    }

    @Test
    void rejectsAnUnknownInteractionId() {
        assertError(Call.get("/metadata", Gpc.METADATA).header("Ssp-InteractionID", "InvalidInteractionId").send(), 400, "BAD_REQUEST");
    }

    /** The suite's "invalid response check caching headers" cases: the interaction id of another endpoint. */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code%7CA20047,PRACTITIONER_READ",
            "/Organization/1,PRACTITIONER_READ", "/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id%7CG11111116,PRACTITIONER_READ",
            "/Practitioner/1,LOCATION_READ", "/Location/1,PRACTITIONER_READ", "/Patient/1,PATIENT_SEARCH", "/metadata,PATIENT_READ",
            "/Patient/1/Appointment?start=ge2030-03-03&start=le2030-03-30,ORGANIZATION_SEARCH", "/Appointment/1,PATIENT_READ"})
    void rejectsAnInteractionIdThatDoesNotMatchVerbAndPath(String path, Gpc interaction) {
        assertError(Call.get(path, interaction).send(), 400, "BAD_REQUEST");
    }

    @Test
    void acceptsTheHeadersWhateverTheirCase() {
        Reply reply = Call.get("/metadata", Gpc.METADATA).without("Ssp-TraceID").header("ssp-traceid", "1").send();
        assertStatus(reply, 200);
    }
}
