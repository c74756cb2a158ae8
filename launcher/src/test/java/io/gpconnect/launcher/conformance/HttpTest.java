package io.gpconnect.launcher.conformance;

import io.gpconnect.launcher.SharedEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP beyond the interactions (spec §1; suite Http.feature): verbs and paths no interaction has fail with an
 * OperationOutcome, as do requests Jetty itself refuses; every response says {@code Cache-Control: no-store}.
 */
class HttpTest {

    @ParameterizedTest(name = "{0} /metadata")
    @ValueSource(strings = {"PATCH", "DELETE", "OPTIONS", "POST", "PUT", "HEAD"})
    void refusesEveryVerbButGetOnMetadata(String verb) {
        Reply reply = Call.method(verb, "/metadata", Gpc.METADATA).send();
        if (verb.equals("HEAD")) {
            assertThat(reply.status).isEqualTo(400);
            SpineAssertions.assertNoStore(reply);
        } else {
            assertError(reply, 400, "BAD_REQUEST");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET,/metadatas", "POST,/metadatas", "PUT,/metadatas", "GET,/Metadata", "GET,/metadata/1", "GET,/Appointment"})
    void refusesPathsOfNoInteraction(String verb, String path) {
        Call call = Call.method(verb, path, Gpc.METADATA);
        if (!verb.equals("GET")) {
            call.body("{\"resourceType\":\"Parameters\"}", Call.FHIR_JSON);
        }
        Reply reply = call.send();
        assertFailure(reply);
        assertThat(reply.mediaType()).isEqualTo(Call.FHIR_JSON);
    }

    @Test
    void answersNotFoundOutsideTheServedServiceRoots() {
        String root = SharedEngine.client().root();
        for (String url : new String[] {root.replace("/A20047/", "/B81016/") + "/metadata", root.replace("/STU3/1/gpconnect", "") + "/metadata",
                root.replace("/A20047/STU3/1/gpconnect", "/")}) {
            Reply reply = new Reply(SharedEngine.client().exchange(java.net.http.HttpRequest.newBuilder(URI.create(url)).GET().build()));
            assertError(reply, 404, "NO_RECORD_FOUND");
        }
    }

    /** Jetty refuses these before any GP Connect code runs; they must still be GP Connect errors. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/Location/a%2Fb", "/Location/x%00", "/%zz", "/Location/%"})
    void answersMalformedUrisWithAnOperationOutcome(String path) throws IOException {
        URI root = URI.create(SharedEngine.client().root());
        String response = raw(root, root.getPath() + path);
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Cache-Control: no-store");
        assertThat(response).containsIgnoringCase("Content-Type: application/fhir+json");
        assertThat(response).contains("\"resourceType\":\"OperationOutcome\"", SpineAssertions.SPINE_SYSTEM, "BAD_REQUEST");
    }

    /** HAPI re-adds the headers it saw when it resets a response for an error; Jetty's own must not come twice. */
    @Test
    void sendsEachHeaderOnceOnAnError() {
        Reply reply = Call.get("/Patient/unknown", Gpc.PATIENT_READ).send();
        assertError(reply, 404, "PATIENT_NOT_FOUND");
        for (String header : new String[] {"Date", "Server", "Cache-Control", "Content-Type"}) {
            assertThat(reply.headers(header)).as(header).hasSizeLessThanOrEqualTo(1);
        }
    }

    private static String raw(URI root, String target) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nAccept: application/fhir+json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
