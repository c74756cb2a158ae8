package io.gpconnect.fhir.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpconnect.fhir.error.GpConnectException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cap on request bodies, on a real servlet container: the body a servlet reads through it never exceeds the cap,
 * whether the excess is declared up front, streamed in chunks, or hidden in a gzip bomb.
 */
class BodySizeLimitTest {
    private static final int CAP = 1000;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Server jetty;
    private static URI uri;

    /** Echoes "bytes read / Content-Encoding seen", or the status and code of the limit's refusal. */
    static final class Reader extends HttpServlet {
        private final transient BodySizeLimit limit = new BodySizeLimit(CAP);

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                HttpServletRequest capped = limit.apply(request);
                byte[] body = capped.getInputStream().readAllBytes();
                response.getWriter().write(body.length + "/" + capped.getHeader("Content-Encoding") + "/"
                        + new String(body, StandardCharsets.UTF_8));
            } catch (GpConnectException e) {
                response.setStatus(e.getStatusCode());
                response.getWriter().write(e.spineCode().code());
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Reader()), "/*");
        jetty.setHandler(context);
        jetty.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void passesABodyUpToTheCapUntouched() throws Exception {
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofString("x".repeat(CAP)), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith(CAP + "/null/xxx");
    }

    @Test
    void refusesADeclaredLengthOverTheCapWith413() throws Exception {
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofString("x".repeat(CAP + 1)), null);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheCap() throws Exception {
        byte[] big = new byte[CAP * 50];
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), null);
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void inflatesGzipWithinTheCapAndHidesTheEncodingFromWhatFollows() throws Exception {
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofByteArray(gzip(new byte[] {'a', 'b', 'c'})), "gzip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("3/null/abc");
    }

    @Test
    void refusesAGzipBombBySizeAfterInflating() throws Exception {
        byte[] bomb = gzip(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(CAP * 50);
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofByteArray(bomb), "gzip");
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void refusesBodiesThatAreNotGzipAlthoughTheySaySo() throws Exception {
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofString("plain"), "gzip");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesContentEncodingsItCannotBound() throws Exception {
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofString("x"), "br");
        assertThat(r.statusCode()).isEqualTo(415);
    }

    @Test
    void needsAPositiveCap() {
        assertThatThrownBy(() -> new BodySizeLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpResponse<String> post(HttpRequest.BodyPublisher body, String encoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(body);
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}
