package io.gpconnect.launcher.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A response as the consumer sees it: status, headers, and the body read back as FHIR (JSON or XML). */
final class Reply {
    private static final ObjectMapper JSON = new ObjectMapper();

    final int status;
    final String body;
    private final HttpResponse<byte[]> response;

    Reply(HttpResponse<byte[]> response) {
        this.response = response;
        this.status = response.statusCode();
        this.body = new String(decoded(response), StandardCharsets.UTF_8);
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    List<String> headers(String name) {
        return response.headers().allValues(name);
    }

    /** The media type without parameters, e.g. {@code application/fhir+json}. */
    String mediaType() {
        String type = header("Content-Type");
        return type == null ? null : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    boolean isXml() {
        return Call.FHIR_XML.equals(mediaType());
    }

    IBaseResource resource() {
        assertThat(mediaType()).as("Content-Type of a FHIR body: " + body).isIn(Call.FHIR_JSON, Call.FHIR_XML);
        return isXml() ? Fhir.parseXml(body) : Fhir.parseJson(body);
    }

    <T extends Resource> T resource(Class<T> type) {
        IBaseResource resource = resource();
        assertThat(resource).as(status + " " + body).isInstanceOf(type);
        return type.cast(resource);
    }

    Bundle bundle() {
        Bundle bundle = resource(Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        return bundle;
    }

    OperationOutcome outcome() {
        return resource(OperationOutcome.class);
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return status + " " + response.headers().map() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }

    private static byte[] decoded(HttpResponse<byte[]> response) {
        boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        if (!gzip) {
            return response.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
