package io.gpconnect.launcher;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input over HTTP against a real engine (the shared one): hundreds of malformed requests from a fixed seed,
 * an oversized body, and XML external entities. Whatever is sent, the service never fails with a 5xx, answers every
 * error with a GP Connect OperationOutcome in the Spine code system, never shows a stack trace, and the demo
 * practice's appointment book is exactly as it was.
 */
class HostileInputTest {
    private static final long SEED = 20_240_607L;
    private static final String SPINE = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext FHIR = FhirContext.forDstu3();

    private static GpConnectClient client;
    private static String appointmentId;
    private static String failingBookingJson;

    @BeforeAll
    static void bookOneToAmendAndCancel() throws Exception {
        client = SharedEngine.client();
        List<FreeSlots.Found> slots = awaitFreeSlots(3);
        HttpResponse<String> booked = client.post("/Appointment", Bookings.body(List.of(slots.get(0)), "Patient/2"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        appointmentId = JSON.readTree(booked.body()).get("id").asText();
        failingBookingJson = shiftedByADay(Bookings.body(List.of(slots.get(1)), "Patient/2"));
    }

    @AfterAll
    static void cancelIt() {
        HttpResponse<String> current = client.get("/Appointment/" + appointmentId, "rest:read:appointment-1", "patient/*.read");
        if (current.statusCode() == 200 && current.body().contains("\"booked\"")) {
            client.put("/Appointment/" + appointmentId, ChangeBodies.cancelling(current.body()), current.headers().firstValue("ETag").orElseThrow(),
                    "rest:cancel:appointment-1", "patient/*.write");
        }
    }

    @Test
    void malformedRequestsNeverFailTheServiceNorChangeTheBook() throws Exception {
        String current = client.get("/Appointment/" + appointmentId, "rest:read:appointment-1", "patient/*.read").body();
        String bookingXml = FHIR.newXmlParser().encodeResourceToString(FHIR.newJsonParser().parseResource(failingBookingJson));
        HostileRequests requests = new HostileRequests(SEED, URI.create(client.root()), failingBookingJson, bookingXml,
                appointmentId, ChangeBodies.cancelling(current), ChangeBodies.amending(current));
        List<HostileRequests.Probe> probes = requests.generate();
        assertThat(probes).hasSizeGreaterThanOrEqualTo(500);

        List<String> before = BookState.snapshot(client);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        URI server = URI.create(client.root());
        for (HostileRequests.Probe probe : probes) {
            RawHttp.Reply reply = RawHttp.send(server, probe.raw());
            statuses.merge(reply.status(), 1, Integer::sum);
            String problem = problemWith(probe, reply);
            if (problem != null) {
                failures.add(problem + "\n  request " + probe + "\n  reply " + reply.status() + " " + reply.headers() + " "
                        + abbreviate(reply.body()));
            }
        }
        List<String> after = BookState.snapshot(client);
        System.out.println("HostileInputTest: " + probes.size() + " requests, statuses " + statuses);

        assertThat(failures).as("responses that broke a rule").isEmpty();
        assertThat(after).as("the appointment book after the hostile requests").isEqualTo(before);
        assertThat(before).as("the snapshot saw the book").anyMatch(s -> s.startsWith("free Slot/"))
                .anyMatch(s -> s.contains("Appointment/" + appointmentId));
    }

    @Test
    void refusesAnOversizedBookingWith413BeforeReadingIt() {
        String huge = failingBookingJson.replace("\"Test appointment\"", "\"" + "x".repeat(2 * 1024 * 1024) + "\"");
        HttpResponse<String> declared = client.post("/Appointment", huge, "rest:create:appointment-1", "patient/*.write");
        assertSpineError(declared.statusCode(), declared.headers().firstValue("Content-Type").orElse(""), declared.body(), 413, "BAD_REQUEST");

        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = client.send(client.request("/Appointment", "rest:create:appointment-1", "patient/*.write")
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build());
        assertSpineError(chunked.statusCode(), chunked.headers().firstValue("Content-Type").orElse(""), chunked.body(), 413, "BAD_REQUEST");
    }

    /** Request lines Jetty refuses before routing (an HTTP/0.9 "GET /", an empty target) were answered 500 with an incident. */
    @Test
    void aRequestLineThatIsNotHttp11IsTheClientsErrorNotOurs() {
        URI server = URI.create(client.root());
        for (String line : new String[]{"GET /\r\n\r\n", "GET  HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"}) {
            RawHttp.Reply reply = RawHttp.send(server, line.getBytes(StandardCharsets.US_ASCII));
            assertThat(reply.status()).as(line).isBetween(400, 505).isNotIn(500, 501, 502, 503, 504);
            assertThat(reply.body()).as(line).contains("OperationOutcome").doesNotContain("INTERNAL_SERVER_ERROR");
        }
    }

    /** The entity points at a file holding a secret and at a listener of ours: neither may ever be read. */
    @Test
    void neverResolvesExternalEntitiesOfAnXmlBody() throws Exception {
        Path secret = Files.createTempFile("xxe-", ".txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        AtomicInteger fetched = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        fetched.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            String xml = FHIR.newXmlParser().encodeResourceToString(FHIR.newJsonParser().parseResource(failingBookingJson));
            String local = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
            String[] bodies = {
                    "<!DOCTYPE Appointment [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                            + xml.replace("value=\"Test appointment\"", "value=\"&s;\""),
                    "<!DOCTYPE Appointment [<!ENTITY % p SYSTEM \"" + local + "\"> %p;]>" + xml,
                    "<!DOCTYPE Appointment SYSTEM \"" + local + "\">" + xml,
                    "<?xml version=\"1.0\"?><!DOCTYPE Appointment [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + xml.replace("value=\"Test appointment\"", "value=\"&c;\"")};
            for (String body : bodies) {
                HttpResponse<String> r = client.send(client.request("/Appointment", "rest:create:appointment-1", "patient/*.write")
                        .header("Content-Type", "application/fhir+xml").header("Accept", "application/fhir+xml")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                assertSpineError(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), 400, "BAD_REQUEST");
                assertThat(r.body()).doesNotContain("TOP-SECRET-MARKER").doesNotContain("aaaaaaaaaaaaaaaaaaaa");
            }
            Thread.sleep(200);
            assertThat(fetched.get()).as("connections to the entity's URL").isZero();
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    /** Null when the reply keeps every rule, else what it broke. */
    private static String problemWith(HostileRequests.Probe probe, RawHttp.Reply reply) {
        if (reply.status() == 0) {
            return "no HTTP answer";
        }
        if (reply.status() >= 500) {
            return "server error " + reply.status();
        }
        for (String leak : new String[] {"at io.", "at org.", "at java.", "Exception", "\tat "}) {
            if (reply.body().contains(leak)) {
                return "internals in the body (" + leak + ")";
            }
        }
        if (!"no-store".equals(reply.header("Cache-Control"))) {
            return "no Cache-Control: no-store";
        }
        if (reply.status() < 400 || probe.method().equals("HEAD")) {
            return null;
        }
        try {
            String contentType = String.valueOf(reply.header("Content-Type"));
            OperationOutcome outcome = outcome(contentType, reply.body());
            Coding coding = outcome.getIssueFirstRep().getDetails().getCodingFirstRep();
            if (!SPINE.equals(coding.getSystem()) || coding.getCode() == null) {
                return "no Spine code in the OperationOutcome";
            }
        } catch (RuntimeException e) {
            return "error body is not an OperationOutcome: " + e.getMessage();
        }
        return null;
    }

    private static OperationOutcome outcome(String contentType, String body) {
        IBaseResource resource = contentType.contains("xml") ? FHIR.newXmlParser().parseResource(body)
                : FHIR.newJsonParser().parseResource(body);
        if (!(resource instanceof OperationOutcome outcome)) {
            throw new IllegalStateException("a " + resource.getClass().getSimpleName());
        }
        return outcome;
    }

    private static void assertSpineError(int status, String contentType, String body, int expectedStatus, String code) {
        assertThat(status).as(body).isEqualTo(expectedStatus);
        Coding coding = outcome(contentType, body).getIssueFirstRep().getDetails().getCodingFirstRep();
        assertThat(coding.getSystem()).isEqualTo(SPINE);
        assertThat(coding.getCode()).isEqualTo(code);
    }

    private static List<FreeSlots.Found> awaitFreeSlots(int daysAhead) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            List<FreeSlots.Found> slots = FreeSlots.search(client, daysAhead, 1);
            if (slots.size() >= 2) {
                return slots;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no free slots " + daysAhead + " days ahead");
    }

    /** The booking with start and end a day after its slot's: refused whatever else a mutation changes. */
    private static String shiftedByADay(String booking) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(booking);
        for (String field : new String[] {"start", "end"}) {
            String value = json.get(field).asText();
            json.put(field, LocalDate.parse(value.substring(0, 10)).plusDays(1) + value.substring(10));
        }
        return JSON.writeValueAsString(json);
    }

    private static String abbreviate(String body) {
        return body.length() > 800 ? body.substring(0, 800) + "…" : body;
    }
}
