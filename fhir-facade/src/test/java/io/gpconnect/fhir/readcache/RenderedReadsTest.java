package io.gpconnect.fhir.readcache;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept answer is served only for the same request, while the practice's views have not changed. */
class RenderedReadsTest {
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final RenderedReads reads = new RenderedReads(ods -> generations.computeIfAbsent(ods, k -> new AtomicLong()).get());

    @Test
    void anAnswerIsServedAgainForTheSameRequestAtTheSameGeneration() {
        RenderedReads.Key key = reads.keyFor(get("start=ge2026-11-25", "application/fhir+json"), "A20047", "Slot").orElseThrow();
        reads.keep(key, answer(key));

        RenderedReads.Key again = reads.keyFor(get("start=ge2026-11-25", "application/fhir+json"), "A20047", "Slot").orElseThrow();
        assertThat(reads.find(again)).hasValueSatisfying(r -> assertThat(r.text()).isEqualTo("{\"resourceType\":\"Bundle\"}"));
    }

    @Test
    void aChangeToThePracticesViewsRetiresTheAnswer() {
        RenderedReads.Key key = reads.keyFor(get("start=ge2026-11-25", "application/fhir+json"), "A20047", "Slot").orElseThrow();
        reads.keep(key, answer(key));

        generations.get("A20047").incrementAndGet(); // a slot booked, say

        RenderedReads.Key after = reads.keyFor(get("start=ge2026-11-25", "application/fhir+json"), "A20047", "Slot").orElseThrow();
        assertThat(reads.find(after)).isEmpty();
    }

    @Test
    void anAnswerIsNeverServedForAnotherQueryFormatPracticeOrPath() {
        RenderedReads.Key key = reads.keyFor(get("start=ge2026-11-25", "application/fhir+json"), "A20047", "Slot").orElseThrow();
        reads.keep(key, answer(key));

        assertThat(reads.find(reads.keyFor(get("start=ge2026-11-26", "application/fhir+json"), "A20047", "Slot").orElseThrow())).isEmpty();
        assertThat(reads.find(reads.keyFor(get("start=ge2026-11-25", "application/fhir+xml"), "A20047", "Slot").orElseThrow())).isEmpty();
        assertThat(reads.find(reads.keyFor(get("start=ge2026-11-25", "application/fhir+json"), "B82617", "Slot").orElseThrow())).isEmpty();
    }

    @Test
    void onlySlotSearchesAndTheCapabilityStatementAreKept() {
        assertThat(reads.keyFor(get("", "application/fhir+json"), "A20047", "metadata")).isPresent();
        assertThat(reads.keyFor(get("", "application/fhir+json"), "A20047", "Appointment/1")).isEmpty();
        assertThat(reads.keyFor(get("identifier=x", "application/fhir+json"), "A20047", "Patient")).isEmpty();
        assertThat(reads.keyFor(request("POST", "", "application/fhir+json"), "A20047", "Slot")).isEmpty();
    }

    private static RenderedResponse answer(RenderedReads.Key key) {
        return new RenderedResponse(key.generation(), Map.of("Content-Type", List.of("application/fhir+json")),
                "{\"resourceType\":\"Bundle\"}", null);
    }

    private static HttpServletRequest get(String query, String accept) {
        return request("GET", query, accept);
    }

    private static HttpServletRequest request(String method, String query, String accept) {
        Map<String, String> headers = Map.of("Accept", accept, "Host", "127.0.0.1:8080");
        return (HttpServletRequest) Proxy.newProxyInstance(RenderedReadsTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getQueryString" -> query;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
