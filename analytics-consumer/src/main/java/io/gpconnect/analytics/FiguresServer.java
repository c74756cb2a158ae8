package io.gpconnect.analytics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Serves the current figures as JSON at {@code GET /figures}. Binds to 127.0.0.1 only: it has no
 * authentication, and the figures are the practices' business data.
 */
public final class FiguresServer implements AutoCloseable {
    public static final String PATH = "/figures";

    private final HttpServer server;

    private FiguresServer(HttpServer server) {
        this.server = server;
    }

    /** Port 0 picks a free port. */
    public static FiguresServer start(int port, Supplier<String> figuresJson) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
            server.createContext("/", exchange -> answer(exchange, figuresJson));
            server.start();
            return new FiguresServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind the figures server to 127.0.0.1:" + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private static void answer(HttpExchange exchange, Supplier<String> figuresJson) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                send(exchange, 404, "{\"error\":\"not found: GET " + PATH + "\"}");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "{\"error\":\"method not allowed\"}");
            } else {
                send(exchange, 200, figuresJson.get());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
