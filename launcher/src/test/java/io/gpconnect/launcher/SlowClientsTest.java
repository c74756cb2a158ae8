package io.gpconnect.launcher;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their bodies slowly, or not at all, must not take the service from everyone else. Each such
 * request used to hold one of Jetty's 200 request threads while it waited for the rest of its body, so about 200
 * of them, from one client, left /metadata unanswered (a race/fault probe, session 13).
 */
class SlowClientsTest {
    private static final int STALLED = 260; // more than Jetty's default pool of 200 threads

    @Test
    void stalledBodiesHoldNoRequestThreads() throws Exception {
        GpConnectClient client = SharedEngine.client();
        URI root = URI.create(client.root());
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket s = new Socket(root.getHost(), root.getPort());
                OutputStream out = s.getOutputStream();
                // A valid booking's headers, a body promised and barely begun: the server must wait for the rest.
                StringBuilder request = new StringBuilder("POST " + root.getPath() + "/Appointment HTTP/1.1\r\nHost: " + root.getHost() + "\r\n");
                client.request("/Appointment", "rest:create:appointment-1", "patient/*.write").GET().build().headers().map()
                        .forEach((name, values) -> values.forEach(v -> request.append(name).append(": ").append(v).append("\r\n")));
                request.append("Content-Type: application/fhir+json\r\nContent-Length: 2000\r\n\r\n{\"resourceType\"");
                out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(s);
            }
            Thread.sleep(1_000); // let every stalled request reach whatever would hold it

            long started = System.nanoTime();
            HttpResponse<String> metadata = client.get("/metadata", "rest:read:metadata-1", "organization/*.read");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(took).as("answered while %d bodies are stalled", STALLED).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }
}
