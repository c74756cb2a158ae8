package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content negotiation (spec §1: JSON and XML, {@code _format} over {@code Accept} over {@code Content-Type},
 * JSON by default, 415 for anything else, UTF-8, gzip on request; suite FHIR.feature).
 */
class FormatTest {

    @ParameterizedTest(name = "Content-Type {0}, Accept {1}, _format {2} -> {3}")
    @CsvSource(value = {
            "application/fhir+xml,application/fhir+json,,json",
            "application/fhir+json,application/fhir+xml,,xml",
            "application/fhir+json,,application/fhir+json,json",
            "application/fhir+xml,,application/fhir+json,json",
            "application/fhir+xml,,application/fhir+xml,xml",
            "application/fhir+json,,application/fhir+xml,xml",
            "application/fhir+xml,application/fhir+xml,application/fhir+xml,xml",
            "application/fhir+xml,application/fhir+xml,application/fhir+json,json",
            "application/fhir+json,application/fhir+json,application/fhir+json,json",
            "application/fhir+json,application/fhir+json,application/fhir+xml,xml",
            ",,xml,xml", ",,json,json", ",,application/fhir xml,xml", ",,,json",
            // DSTU2's names are understood, but the answer is labelled with STU3's (spec §1)
            ",application/xml+fhir,,xml", ",application/json+fhir,,json", ",,application/xml+fhir,xml",
            ",,application/json+fhir,json"})
    void answersInTheFormatNegotiated(String contentType, String accept, String format, String expected) {
        Call call = Call.get("/metadata", Gpc.METADATA).without("Accept");
        if (contentType != null) {
            call.header("Content-Type", contentType);
        }
        if (accept != null) {
            call.accept(accept);
        }
        if (format != null) {
            call.format(format);
        }
        Reply reply = assertStatus(call.send(), 200);
        assertThat(reply.mediaType()).isEqualTo(expected.equals("xml") ? Call.FHIR_XML : Call.FHIR_JSON);
        assertThat(reply.header("Content-Type")).containsIgnoringCase("charset=utf-8");
        reply.resource(CapabilityStatement.class);
    }

    /** With neither Accept nor _format, the answer comes in the request's own Content-Type (here, an error). */
    @ParameterizedTest
    @ValueSource(strings = {Call.FHIR_XML, "application/xml+fhir"})
    void answersAnXmlRequestInXmlWhenNothingElseIsAsked(String contentType) {
        Reply reply = Call.post("/Appointment", Gpc.BOOK, null).without("Accept")
                .body("<Appointment xmlns=\"http://hl7.org/fhir\"><status value=\"booked\"/></Appointment>", contentType).send();
        assertError(reply, 422, "INVALID_RESOURCE");
        assertThat(reply.isXml()).isTrue();
        assertThat(reply.mediaType()).isEqualTo(Call.FHIR_XML);
    }

    @ParameterizedTest(name = "Accept {0}, _format {1}")
    @CsvSource(value = {"application/fhir+xml,,xml", "application/fhir+json,application/fhir+xml,xml", "application/fhir+xml,json,json"})
    void answersErrorsInTheFormatNegotiatedToo(String accept, String format, String expected) {
        Call call = Call.get("/Patient/unknown", Gpc.PATIENT_READ).accept(accept);
        if (format != null) {
            call.format(format);
        }
        Reply reply = call.send();
        assertError(reply, 404, "PATIENT_NOT_FOUND");
        assertThat(reply.isXml()).isEqualTo(expected.equals("xml"));
    }

    @ParameterizedTest(name = "Accept {0}")
    @ValueSource(strings = {"text/html", "application/pdf", "image/png"})
    void refusesAnAcceptOfNoFhirFormat(String accept) {
        assertError(Call.get("/metadata", Gpc.METADATA).accept(accept).send(), 415, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "_format {0}")
    @ValueSource(strings = {"text/html", "foo"})
    void refusesAFormatParameterOfNoFhirFormat(String format) {
        assertError(Call.get("/metadata", Gpc.METADATA).format(format).send(), 415, "BAD_REQUEST");
    }

    @Test
    void refusesABodyOfNoFhirFormat() {
        Reply reply = Call.post("/Appointment", Gpc.BOOK, null).body("resourceType=Appointment", "text/plain").send();
        OperationOutcome outcome = assertError(reply, 415, "BAD_REQUEST");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("text/plain");
    }

    @Test
    void compressesWithGzipWhenAsked() {
        Reply reply = Call.get("/metadata", Gpc.METADATA).header("Accept-Encoding", "gzip").send();
        assertStatus(reply, 200);
        assertThat(reply.header("Content-Encoding")).isEqualTo("gzip");
        reply.resource(CapabilityStatement.class);
    }

    @Test
    void doesNotCompressUnasked() {
        Reply reply = assertStatus(Call.get("/metadata", Gpc.METADATA).send(), 200);
        assertThat(reply.header("Content-Encoding")).isNull();
    }
}
