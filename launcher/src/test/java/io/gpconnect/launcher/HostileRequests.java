package io.gpconnect.launcher;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Malformed requests, generated from a fixed seed so a failure reproduces: mutated booking, amend and cancel
 * bodies (JSON and XML), wrong content types, broken and oversized headers, broken bearer tokens, odd paths, query
 * strings and methods. Each is written as raw bytes, so nothing a polite client would refuse is off limits.
 *
 * <p>Every generated request is one the service must refuse or answer harmlessly: booking bodies start from a
 * booking whose times do not match its slot, and amend/cancel ones carry a stale {@code If-Match}, so no mutation
 * can turn one into a valid change.
 */
final class HostileRequests {
    static final String URN = "urn:nhs:names:services:gpconnect:fhir:";
    static final String[] INTERACTIONS = {"rest:read:metadata-1", "rest:search:patient-1", "rest:read:patient-1",
            "operation:gpc.registerpatient-1", "rest:search:organization-1", "rest:read:organization-1",
            "rest:search:practitioner-1", "rest:read:practitioner-1", "rest:read:location-1", "rest:search:slot-1",
            "rest:create:appointment-1", "rest:search:patient_appointments-1", "rest:read:appointment-1",
            "rest:update:appointment-1", "rest:cancel:appointment-1"};
    /** Versions count up from 1 as an appointment changes: this one is never current in a test's lifetime. */
    static final String STALE_VERSION = "W/\"999999\"";
    private static final String[] SCOPES = {"patient/*.read", "patient/*.write", "organization/*.read", "organization/*.write"};
    private static final String[] JUNK = {"{", "}", "[", "]", "\"", ",", ":", "<", ">", "&", "\u0000", "\\", "'", "null", "1e999",
            "-0", "\\uD800", "&amp;", "&nbsp;", "<!--", "]]>", "<![CDATA[", "\u202E", "9".repeat(400), "\uFFFF", "\t\r\n",
            "<x:y xmlns:x=\"urn:x\"/>", "\"resourceType\":\"Bundle\",", "true", "{\"a\":1}", "é", "\uD83D\uDE00", "%", "/*", "#"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/fhir+json; charset=ebcdic", "application/fhir+json;charset=utf-16", "", "garbage", "application/fhir+xml",
            "application/octet-stream", "application/fhir+json; charset=\"", "*/*", "application/json+fhir;q=x",
            "text/html", "application/fhir+json;" + "x=y;".repeat(500), "application/xml", "application/fhir+json\u0001"};
    private static final String[] PATH_SEGMENTS = {"Appointment", "Patient", "Slot", "metadata", "Location", "Organization",
            "Practitioner", "..", ".", "%2e%2e", "%2F", "%00", "%", "%zz", "a".repeat(65), "a".repeat(3000), "$gpc.registerpatient",
            "_history", "1", "-1", "0", "%E2%98%83", "Appointment;jsessionid=1", "", "%20", "Appointment%3Fx", "1.2.3",
            "_search", "$everything", "Patient%2F1", "%25", "null", "undefined", "1'--", "%22", "~", "%C0%AF", "%FF"};
    private static final String[] QUERY_NAMES = {"start", "end", "status", "_include", "_include:recurse", "searchFilter",
            "identifier", "_format", "_count", "_sort", "START", "_summary", "_elements", "", "%", "x", "_id", "_pretty"};
    private static final String[] METHODS = {"FOO", "TRACE", "PROPFIND", "get", "PATCH", "DELETE", "OPTIONS", "HEAD", "PUT",
            "POST", "CONNECT", "G ET", "MKCOL", "GET\u0000", "A".repeat(300)};

    /** One request to send, and what it was meant to break (for the failure message). */
    record Probe(String kind, String method, byte[] raw) {
        @Override
        public String toString() {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            return kind + ": " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    private final Random random;
    private final URI root;
    private final String bookingJson;
    private final String bookingXml;
    private final String appointmentId;
    private final String cancelJson;
    private final String amendJson;

    /**
     * @param bookingJson a booking that must fail (its times do not match its slot)
     * @param cancelJson  a cancel of {@code appointmentId}, to be sent with a stale If-Match
     */
    HostileRequests(long seed, URI root, String bookingJson, String bookingXml, String appointmentId, String cancelJson,
                    String amendJson) {
        this.random = new Random(seed);
        this.root = root;
        this.bookingJson = bookingJson;
        this.bookingXml = bookingXml;
        this.appointmentId = appointmentId;
        this.cancelJson = cancelJson;
        this.amendJson = amendJson;
    }

    List<Probe> generate() {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            probes.add(body("mutated JSON booking", "POST", "/Appointment", "rest:create:appointment-1", mutate(bookingJson),
                    "application/fhir+json;charset=utf-8", null));
        }
        for (int i = 0; i < 80; i++) {
            probes.add(body("mutated XML booking", "POST", "/Appointment", "rest:create:appointment-1", mutate(bookingXml),
                    "application/fhir+xml;charset=utf-8", null));
        }
        for (int i = 0; i < 40; i++) {
            probes.add(body("mutated cancel", "PUT", "/Appointment/" + appointmentId, "rest:cancel:appointment-1", mutate(cancelJson),
                    "application/fhir+json;charset=utf-8", STALE_VERSION));
        }
        for (int i = 0; i < 20; i++) {
            probes.add(body("mutated amend", "PUT", "/Appointment/" + appointmentId, "rest:update:appointment-1", mutate(amendJson),
                    "application/fhir+json;charset=utf-8", STALE_VERSION));
        }
        // A number HAPI would expand into a billion-digit integer: one such body used to stop the whole engine (OOM).
        for (String field : new String[]{"priority", "minutesDuration"}) {
            for (String number : new String[]{"1e999999999", "1E+999999999", "-9.9e999999999"}) {
                String body = bookingJson.replaceFirst("\\{", "{\"" + field + "\":" + number + ",");
                probes.add(body("exponent number", "POST", "/Appointment", "rest:create:appointment-1", body,
                        "application/fhir+json;charset=utf-8", null));
                probes.add(body("exponent number", "PUT", "/Appointment/" + appointmentId, "rest:update:appointment-1",
                        amendJson.replaceFirst("\\{", "{\"" + field + "\":" + number + ","), "application/fhir+json;charset=utf-8", STALE_VERSION));
            }
        }
        for (int i = 0; i < 30; i++) {
            String body = random.nextBoolean() ? bookingJson : bookingXml;
            probes.add(body("content type", "POST", "/Appointment", "rest:create:appointment-1", body, pick(CONTENT_TYPES), null));
        }
        for (int i = 0; i < 60; i++) {
            probes.add(badHeaders());
        }
        for (int i = 0; i < 60; i++) {
            probes.add(badToken());
        }
        for (int i = 0; i < 60; i++) {
            probes.add(oddPath());
        }
        for (int i = 0; i < 60; i++) {
            probes.add(oddQuery());
        }
        for (int i = 0; i < 30; i++) {
            probes.add(oddMethod());
        }
        return probes;
    }

    // --- bodies -------------------------------------------------------------------------------------------------

    private Probe body(String kind, String method, String path, String interaction, String body, String contentType, String ifMatch) {
        Request r = valid(method, path, interaction);
        r.header("Content-Type", contentType);
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return r.body(body.getBytes(StandardCharsets.UTF_8)).probe(kind);
    }

    String mutate(String text) {
        String s = text;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !s.isEmpty(); m++) {
            int at = random.nextInt(s.length());
            s = switch (random.nextInt(9)) {
                case 0 -> s.substring(0, at);
                case 1 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));
                case 2 -> s.substring(0, at) + pick(JUNK) + s.substring(at);
                case 3 -> s.substring(0, at) + (char) random.nextInt(256) + s.substring(at + 1);
                case 4 -> s.substring(0, at) + s.substring(at, Math.min(s.length(), at + 30)) + s.substring(at);
                case 5 -> s.replaceFirst("\"Test appointment\"|value=\"Test appointment\"", "\"" + "x".repeat(50_000) + "\"");
                case 6 -> s.substring(0, at) + "[".repeat(5000) + s.substring(at);
                case 7 -> "<?xml version=\"1.0\"?><!DOCTYPE Appointment [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + s;
                default -> s.replace("\"booked\"", "\"" + pick(JUNK) + "\"");
            };
        }
        return s;
    }

    // --- headers ------------------------------------------------------------------------------------------------

    private Probe badHeaders() {
        Request r = valid("GET", slotSearch(), "rest:search:slot-1");
        String[] required = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization"};
        String name = pick(required);
        switch (random.nextInt(11)) {
            case 0 -> r.remove(name);
            case 1 -> r.replace(name, "");
            case 2 -> r.replace(name, junkText(1 + random.nextInt(200)));
            case 3 -> r.replace(name, "x".repeat(20_000));
            case 4 -> r.header("X-Padding", "p".repeat(100_000 + random.nextInt(100_000)));
            case 5 -> {
                for (int i = 0; i < 300; i++) {
                    r.header("X-Many-" + i, "v".repeat(50));
                }
            }
            case 6 -> r.header(name, "second value");
            case 7 -> r.line("This line has no colon");
            case 8 -> r.line(" folded continuation of the previous header");
            case 9 -> r.replace("Ssp-InteractionID", URN + pick(INTERACTIONS));
            default -> r.replace("Accept", pick(CONTENT_TYPES));
        }
        return r.probe("header " + name);
    }

    // --- bearer tokens ------------------------------------------------------------------------------------------

    private Probe badToken() {
        Request r = valid("GET", slotSearch(), "rest:search:slot-1");
        String token = GpConnectClient.jwt("organization/*.read", "A20047");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String value = switch (random.nextInt(12)) {
            case 0 -> "Bearer " + mutate(token);
            case 1 -> "Bearer " + token.substring(0, random.nextInt(token.length()));
            case 2 -> "Bearer " + token + "signature";
            case 3 -> "Bearer " + token + token;
            case 4 -> "Basic " + Base64.getEncoder().encodeToString("user:pass".getBytes(StandardCharsets.UTF_8));
            case 5 -> "Bearer";
            case 6 -> "Bearer " + b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + token.split("\\.")[1] + ".c2ln";
            case 7 -> "Bearer " + b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(pick(new String[] {"[]", "1", "\"x\"", "{\"iss\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                            "{\"exp\":1e999,\"iat\":-1}", "{\"requested_scope\":{\"a\":1}}", "{}"}).getBytes(StandardCharsets.UTF_8)) + ".";
            case 8 -> "Bearer " + b64.encodeToString(randomBytes(200)) + "." + b64.encodeToString(randomBytes(500)) + ".";
            case 9 -> "Bearer " + "a".repeat(7_000) + ".b.";
            case 10 -> "bEaReR    " + token;
            default -> "Bearer " + GpConnectClient.jwt(pick(SCOPES), pick(new String[] {"", "A20047", "x".repeat(300), "\u00e9"}));
        };
        r.replace("Authorization", value);
        return r.probe("bearer token");
    }

    // --- paths, queries, methods --------------------------------------------------------------------------------

    private Probe oddPath() {
        StringBuilder path = new StringBuilder();
        int segments = 1 + random.nextInt(4);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(pick(PATH_SEGMENTS));
        }
        String method = pick(new String[] {"GET", "GET", "POST", "PUT"});
        Request r = valid(method, path.toString(), pick(INTERACTIONS));
        if (!method.equals("GET")) {
            r.header("Content-Type", "application/fhir+json").body(bookingJson.getBytes(StandardCharsets.UTF_8));
        }
        return r.probe("path");
    }

    private Probe oddQuery() {
        String[] bases = {"/Slot", "/Patient/2/Appointment", "/Patient", "/Organization", "/Practitioner", "/metadata"};
        String[] interactions = {"rest:search:slot-1", "rest:search:patient_appointments-1", "rest:search:patient-1",
                "rest:search:organization-1", "rest:search:practitioner-1", "rest:read:metadata-1"};
        int which = random.nextInt(bases.length);
        StringBuilder query = new StringBuilder(which == 0 ? slotSearch() : bases[which] + "?");
        int params = 1 + random.nextInt(6);
        for (int i = 0; i < params; i++) {
            query.append(query.charAt(query.length() - 1) == '?' ? "" : "&").append(pick(QUERY_NAMES)).append('=').append(queryValue());
        }
        if (random.nextInt(10) == 0) {
            query.append("&").append("start=ge2030-01-01&".repeat(200));
        }
        return valid("GET", query.toString(), interactions[which]).probe("query");
    }

    private String queryValue() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String[] values = {"", "ge", "ge2025-13-45", "ge9999999999-01-01", "ge" + today, "le" + today.plusDays(300), "ge-1",
                "%", "%zz", "%00", "v".repeat(5000), "%E2%98%83", "a|b|c", "%7C", "|", ";", "free", "busy",
                "Slot:schedule", "Slot:*", "*", "https://fhir.nhs.uk/Id/nhs-number%7C9658218865",
                "https://fhir.nhs.uk/Id/nhs-number%7C" + "9".repeat(300), "-1", "99999999999999999999", "json", "xml",
                "ge" + today + "T10:00:00%2B01:00", "ge" + today + "T10:00:00Z", "le" + today.minusYears(200), "%2B", "+"};
        return pick(values);
    }

    private Probe oddMethod() {
        String method = pick(METHODS);
        String[] paths = {"/metadata", "/Appointment/" + appointmentId, "/Slot", "/Appointment", "/Patient/2"};
        Request r = valid(method, pick(paths), pick(INTERACTIONS));
        if (random.nextBoolean()) {
            r.header("Content-Type", "application/fhir+json").body(bookingJson.getBytes(StandardCharsets.UTF_8));
        }
        return r.probe("method " + method.substring(0, Math.min(10, method.length())));
    }

    // --- building blocks ----------------------------------------------------------------------------------------

    private String slotSearch() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        return "/Slot?start=ge" + day + "&end=le" + day.plusDays(1) + "&status=free&_include=Slot:schedule";
    }

    private Request valid(String method, String relativePath, String interaction) {
        Request r = new Request(method, root.getPath() + relativePath);
        r.header("Host", root.getHost() + ":" + root.getPort());
        r.header("Accept", "application/fhir+json");
        r.header("Ssp-TraceID", UUID.randomUUID().toString());
        r.header("Ssp-From", GpConnectClient.CONSUMER_ASID);
        r.header("Ssp-To", GpConnectClient.PROVIDER_ASID);
        r.header("Ssp-InteractionID", URN + interaction);
        r.header("Authorization", "Bearer " + GpConnectClient.jwt(scopeOf(interaction), "A20047"));
        return r;
    }

    private static String scopeOf(String interaction) {
        if (interaction.contains("metadata") || interaction.contains("organization") || interaction.contains("practitioner")
                || interaction.contains("location") || interaction.contains("slot")) {
            return "organization/*.read";
        }
        return interaction.contains("create") || interaction.contains("update") || interaction.contains("cancel")
                || interaction.contains("register") ? "patient/*.write" : "patient/*.read";
    }

    private String junkText(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(pick(JUNK));
        }
        return s.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    /** A request under construction: request line, header lines in order, body with a true Content-Length. */
    private static final class Request {
        private final String method;
        private final String target;
        private final List<String> lines = new ArrayList<>();
        private byte[] body;

        Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            lines.add(name + ": " + value);
            return this;
        }

        void replace(String name, String value) {
            remove(name);
            header(name, value);
        }

        void remove(String name) {
            lines.removeIf(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        }

        void line(String raw) {
            lines.add(raw);
        }

        Request body(byte[] content) {
            this.body = content;
            return this;
        }

        Probe probe(String kind) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // UTF-8 for what a consumer types (non-ASCII headers go out as raw bytes, as a careless client sends them)
            out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            for (String line : lines) {
                out.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (body != null) {
                out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.writeBytes(body);
            }
            return new Probe(kind, method, out.toByteArray());
        }
    }
}
