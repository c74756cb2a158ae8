package io.gpconnect.launcher.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Operations endpoints beside the FHIR service roots: {@code /health/live} (the process answers),
 * {@code /health/ready} (broker reachable, processor and views running: safe to send traffic) and
 * {@code /metrics} (Prometheus text format; {@code ?name[]=...} for only the metrics named).
 */
public final class OpsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient EngineMetrics metrics;
    private final transient Supplier<Readiness> readiness;

    /** Whether the engine can take traffic, and why not. */
    public record Readiness(boolean ready, String detail) {
    }

    public OpsServlet(EngineMetrics metrics, Supplier<Readiness> readiness) {
        this.metrics = metrics;
        this.readiness = readiness;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI();
        switch (path) {
            case "/health/live" -> write(response, 200, "text/plain", "live\n");
            case "/health/ready" -> {
                Readiness r = readiness.get();
                write(response, r.ready() ? 200 : 503, "text/plain", (r.ready() ? "ready" : "not ready") + ": " + r.detail() + "\n");
            }
            case "/metrics" -> {
                // Prometheus' own convention for a partial scrape: /metrics?name[]=a&name[]=b
                String[] names = request.getParameterValues("name[]");
                write(response, 200, EngineMetrics.CONTENT_TYPE, names == null ? metrics.scrape() : metrics.scrape(Set.copyOf(Arrays.asList(names))));
            }
            default -> write(response, 404, "text/plain", "unknown operations endpoint\n");
        }
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
