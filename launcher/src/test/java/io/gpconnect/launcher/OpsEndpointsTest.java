package io.gpconnect.launcher;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Liveness, readiness and Prometheus metrics beside the service roots. */
class OpsEndpointsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAndMetricsDescribeTheRunningEngine() throws Exception {
        Engine engine = SharedEngine.get();
        String base = "http://127.0.0.1:" + engine.port();
        assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(base + "/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("RUNNING");

        Map<String, Double> stagesBefore = bookingStages(get(base + "/metrics").body());
        GpConnectClient client = SharedEngine.client();
        FreeSlots.Found slot = FreeSlots.search(client, 13, 1).get(0);
        assertThat(client.post("/Appointment", Bookings.body(List.of(slot), "Patient/6"), "rest:create:appointment-1", "patient/*.write")
                .statusCode()).isEqualTo(201);
        assertThat(client.post("/Appointment", Bookings.body(List.of(slot), "Patient/7"), "rest:create:appointment-1", "patient/*.write")
                .statusCode()).isEqualTo(409);

        String metrics = get(base + "/metrics").body();
        assertThat(metrics).contains("gpconnect_http_requests_seconds_count{interaction=\"APPOINTMENT_BOOK\",status=\"201\"}");
        assertThat(metrics).contains("gpconnect_http_requests_seconds_count{interaction=\"SLOT_SEARCH\",status=\"200\"}");
        assertThat(metrics).containsPattern("gpconnect_commands_decided_total\\{command=\"book\",outcome=\"AppointmentBooked\",reason=\"none\"\\} [1-9]");
        assertThat(metrics).containsPattern("gpconnect_commands_decided_total\\{command=\"book\",outcome=\"CommandRejected\",reason=\"SLOT_NOT_FREE\"\\} [1-9]");
        assertThat(metrics).contains("gpconnect_streams_state{application=\"gpconnect-slot-projection\"} 2.0");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
        // the requester's side of the same two commands, and the groups' lag from their committed offsets
        assertThat(metrics).containsPattern("gpconnect_commands_answered_total\\{command=\"book\",outcome=\"booked\",reason=\"none\"\\} [1-9]");
        assertThat(metrics).containsPattern("gpconnect_commands_answered_total\\{command=\"book\",outcome=\"rejected\",reason=\"SLOT_NOT_FREE\"\\} [1-9]");
        assertThat(metrics).containsPattern("gpconnect_consumer_lag\\{application=\"gpconnect-slot-projection\"\\} [0-9]");
        assertThat(metrics).containsPattern("gpconnect_consumer_lag\\{application=\"gpconnect-appointment-store\"\\} [0-9]");
        assertThat(metrics).contains("jvm_memory_used_bytes");
        // both bookings (accepted and refused) went through every stage; their spans come from three clocks' readings
        Map<String, Double> stages = bookingStages(metrics);
        for (String stage : List.of("appended", "queued", "published", "answered")) {
            assertThat(stages.get(stage + " count") - stagesBefore.getOrDefault(stage + " count", 0.0)).as(stage).isEqualTo(2.0);
            assertThat(stages.get(stage + " sum") - stagesBefore.getOrDefault(stage + " sum", 0.0)).as(stage).isPositive();
        }
        assertThat(stages.get("answered sum") - stagesBefore.getOrDefault("answered sum", 0.0))
                .as("the whole wait is at least its stages")
                .isGreaterThanOrEqualTo(List.of("appended", "queued", "published").stream()
                        .mapToDouble(st -> stages.get(st + " sum") - stagesBefore.getOrDefault(st + " sum", 0.0)).sum() - 0.005);
        assertThat(metrics).contains("gpconnect_command_stage_seconds_bucket{command=\"book\",stage=\"published\",le=");

        // a partial scrape, Prometheus' name[] convention: the stages alone, cheap enough to read around a bench interval
        HttpResponse<String> some = get(base + "/metrics?name%5B%5D=gpconnect_command_stage_seconds&name%5B%5D=gpconnect_command_stage_seconds");
        assertThat(some.statusCode()).isEqualTo(200);
        assertThat(bookingStages(some.body())).isEqualTo(bookingStages(get(base + "/metrics").body()));
        assertThat(some.body()).contains("gpconnect_command_stage_seconds_bucket{").doesNotContain("jvm_memory_used_bytes", "kafka_");
    }

    /** "stage count" and "stage sum" of the book command's gpconnect.command.stage timers. */
    private static Map<String, Double> bookingStages(String metrics) {
        Map<String, Double> found = new HashMap<>();
        Matcher m = Pattern.compile("gpconnect_command_stage_seconds_(count|sum)\\{command=\"book\",stage=\"(\\w+)\"} (\\S+)")
                .matcher(metrics);
        while (m.find()) {
            found.put(m.group(2) + " " + m.group(1), Double.parseDouble(m.group(3)));
        }
        return found;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
