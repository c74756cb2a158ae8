package io.gpconnect.analytics;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheCurrentFiguresOnLoopbackOnly() throws Exception {
        int[] calls = {0};
        try (FiguresServer server = FiguresServer.start(0, () -> "{\"figures\":[],\"call\":" + (++calls[0]) + "}")) {
            assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+/figures");

            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(first.body()).isEqualTo("{\"figures\":[],\"call\":1}");
            assertThat(second.body()).as("figures are computed per request, never cached").endsWith("\"call\":2}");
        }
    }

    @Test
    void answersOtherPathsAndMethodsWithErrors() throws Exception {
        try (FiguresServer server = FiguresServer.start(0, () -> "{}")) {
            String base = server.url().replace(FiguresServer.PATH, "");
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/other")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.url()))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }
}
