package io.gpconnect.launcher;

import io.gpconnect.fhir.tls.TlsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An engine serving HTTPS with client certificates required (spec §1: mutual TLS, only the SSP's certificate
 * accepted): a client with a certificate from the trusted CA is served; one without a certificate, or with one from
 * another CA, is refused during the handshake and never gets an HTTP answer.
 */
class MutualTlsTest {
    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static Engine engine;

    @BeforeAll
    static void start() {
        certificates = TestCertificates.create(dir);
        TlsSettings tls = new TlsSettings(certificates.serverStore, TestCertificates.PASSWORD, certificates.truststore,
                TestCertificates.PASSWORD, TlsSettings.ClientAuth.NEED);
        engine = Engine.start(Engine.Options.defaults(dir.resolve("data")).withPort(0).withTls(tls));
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void servesAClientPresentingATrustedCertificate() throws Exception {
        assertThat(engine.serviceRoot()).startsWith("https://127.0.0.1:");
        HttpResponse<String> response = metadata(certificates.client(certificates.clientStore));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"resourceType\":\"CapabilityStatement\"");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    }

    @Test
    void refusesAClientWithoutACertificateAtTheHandshake() {
        assertThatThrownBy(() -> metadata(certificates.client(null))).isInstanceOf(IOException.class);
    }

    @Test
    void refusesAClientWhoseCertificateNoTrustedCaSigned() {
        assertThatThrownBy(() -> metadata(certificates.client(certificates.strangerStore))).isInstanceOf(IOException.class);
    }

    @Test
    void refusesPlainHttpOnTheTlsPort() {
        URI plain = URI.create(engine.serviceRoot().replace("https://", "http://") + "/metadata");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(10)).GET().build();
        // Jetty answers cleartext on a TLS port with a 400 of its own, or drops the connection: never a FHIR answer.
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("CapabilityStatement");
        } catch (IOException | InterruptedException refused) {
            // refused outright: also fine
        }
    }

    private static HttpResponse<String> metadata(SSLContext ssl) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.serviceRoot() + "/metadata"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json")
                .header("Ssp-TraceID", UUID.randomUUID().toString())
                .header("Ssp-From", GpConnectClient.CONSUMER_ASID)
                .header("Ssp-To", GpConnectClient.PROVIDER_ASID)
                .header("Ssp-InteractionID", GpConnectClient.interaction("rest:read:metadata-1"))
                .header("Authorization", "Bearer " + GpConnectClient.jwt("organization/*.read", "A20047"))
                .GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
