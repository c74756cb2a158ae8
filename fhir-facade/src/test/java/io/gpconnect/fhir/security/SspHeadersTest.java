package io.gpconnect.fhir.security;

import static io.gpconnect.fhir.error.GpConnectAssertions.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §1.1: the required headers. */
class SspHeadersTest {

    private static Map<String, String> all() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Ssp-TraceID", "3f2b8a4e-9c1d-4e5f-a6b7-0c8d9e1f2a3b");
        headers.put("Ssp-From", "200000000359");
        headers.put("Ssp-To", "918999198993");
        headers.put("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1");
        headers.put("Authorization", "Bearer x.y.");
        return headers;
    }

    @Test
    void all_five_headers_are_read_and_trimmed() {
        Map<String, String> headers = all();
        headers.put("Ssp-InteractionID", " urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1 ");

        SspHeaders read = SspHeaders.from(headers::get);

        assertThat(read).isEqualTo(new SspHeaders("3f2b8a4e-9c1d-4e5f-a6b7-0c8d9e1f2a3b", "200000000359",
                "918999198993", "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1", "Bearer x.y."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization"})
    void each_missing_header_is_a_bad_request(String name) {
        Map<String, String> headers = all();
        headers.remove(name);

        assertThat(assertBadRequest(() -> SspHeaders.from(headers::get)).diagnostics()).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization"})
    void each_blank_header_is_a_bad_request(String name) {
        Map<String, String> headers = all();
        headers.put(name, "  ");

        assertBadRequest(() -> SspHeaders.from(headers::get));
    }

    @Test
    void every_missing_header_is_named_at_once() {
        String diagnostics = assertBadRequest(() -> SspHeaders.from(name -> null)).diagnostics();

        assertThat(diagnostics).contains("Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization");
    }
}
