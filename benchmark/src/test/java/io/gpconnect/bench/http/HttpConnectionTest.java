package io.gpconnect.bench.http;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's own HTTP/1.1 client reads both body framings Jetty uses, over one kept-alive connection. */
class HttpConnectionTest {

    @Test
    void readsContentLengthAndChunkedAnswersOnOneConnection() throws Exception {
        List<String> requestLines = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serveTwo(server, requestLines));
            t.start();
            try (HttpConnection c = new HttpConnection(URI.create("http://127.0.0.1:" + server.getLocalPort()))) {
                HttpResponse first = c.exchange(new HttpRequest("GET", "/a", Map.of("Accept", "application/fhir+json"), null));
                HttpResponse second = c.exchange(new HttpRequest("POST", "/b", Map.of(), "{}"));
                assertThat(first.status()).isEqualTo(200);
                assertThat(first.text()).isEqualTo("hello");
                assertThat(second.status()).isEqualTo(201);
                assertThat(second.text()).isEqualTo("chunked body");
                assertThat(second.location()).isEqualTo("/b/1");
            }
            t.join(5000);
        }
        assertThat(requestLines).containsExactly("GET /a HTTP/1.1", "POST /b HTTP/1.1");
    }

    private static void serveTwo(ServerSocket server, List<String> requestLines) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            requestLines.add(in.readLine());
            skipHeaders(in, 0);
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.UTF_8));
            requestLines.add(in.readLine());
            skipHeaders(in, 2);
            out.write(("HTTP/1.1 201 Created\r\nLocation: /b/1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "7\r\nchunked\r\n5\r\n body\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void skipHeaders(BufferedReader in, int bodyLength) throws Exception {
        for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
            // headers are not what this test is about
        }
        for (int i = 0; i < bodyLength; i++) {
            in.read();
        }
    }
}
