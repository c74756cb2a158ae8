package io.gpconnect.registry.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The v3 REST subset the Apicurio 3.1.x serdes call (see {@code RegistryClientFacadeImpl}), with Apicurio's
 * JSON shapes, so the generated Kiota client parses our answers unchanged:
 * <ul>
 *   <li>{@code POST /groups/{g}/artifacts?ifExists=&canonical=}: auto-registration, answers CreateArtifactResponse</li>
 *   <li>{@code GET /groups/{g}/artifacts/{a}/versions/{v}} (v may be {@code branch=latest}), {@code .../content},
 *       {@code .../references}: find-latest and resolution of references</li>
 *   <li>{@code GET /ids/globalIds/{id}}, {@code /ids/contentIds/{id}}, {@code /ids/contentHashes/{h}}, each with
 *       {@code /references}: what the deserializer reads from the id in the message</li>
 *   <li>{@code POST /search/versions}: lookup by content when auto-registration is off</li>
 *   <li>{@code GET /system/info}: a liveness probe</li>
 * </ul>
 */
final class RegistryHttpApi implements HttpHandler {
    static final String BASE_PATH = "/apis/registry/v3";

    private static final Logger log = LoggerFactory.getLogger(RegistryHttpApi.class);
    private static final String JSON = "application/json";

    private record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Response json(int status, JsonNode node, ObjectMapper mapper) throws IOException {
            return new Response(status, JSON, mapper.writeValueAsBytes(node), Map.of());
        }
    }

    private record Request(String method, List<String> path, Map<String, String> query, byte[] body) {
        String param(String name) {
            return query.get(name);
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(query.get(name));
        }
    }

    private final SchemaStore store;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttpApi(SchemaStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Response response;
            try {
                response = route(parse(exchange));
            } catch (RegistryProblem problem) {
                response = problem(problem);
            } catch (RuntimeException e) {
                log.error("Schema registry request {} {} failed", exchange.getRequestMethod(),
                        exchange.getRequestURI(), e);
                response = problem(RegistryProblem.internal(String.valueOf(e.getMessage()), e));
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                exchange.getResponseBody().write(response.body());
            }
        } finally {
            exchange.close();
        }
    }

    private Request parse(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        URI uri = exchange.getRequestURI();
        String raw = uri.getRawPath();
        if (!raw.startsWith(BASE_PATH + "/")) {
            throw RegistryProblem.notFound("NotFoundException", "Not a registry v3 path: " + raw);
        }
        List<String> path = new ArrayList<>();
        // Split before decoding: an encoded '/' inside an id must not become a separator.
        for (String segment : raw.substring(BASE_PATH.length() + 1).split("/", -1)) {
            path.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, query, body);
    }

    private Response route(Request r) throws IOException {
        List<String> p = r.path();
        String first = p.get(0);
        if (first.equals("groups") && p.size() == 3 && p.get(2).equals("artifacts")) {
            return expect(r, "POST", () -> createArtifact(p.get(1), r));
        }
        if (first.equals("groups") && p.size() >= 6 && p.get(2).equals("artifacts") && p.get(4).equals("versions")) {
            StoredVersion v = store.version(p.get(1), p.get(3), p.get(5));
            if (p.size() == 6) {
                return expect(r, "GET", () -> Response.json(200, versionMetaData(v), json));
            }
            if (p.size() == 7 && p.get(6).equals("content")) {
                return expect(r, "GET", () -> content(v, r));
            }
            if (p.size() == 7 && p.get(6).equals("references")) {
                return expect(r, "GET", () -> references(v));
            }
        }
        if (first.equals("ids") && (p.size() == 3 || p.size() == 4 && p.get(3).equals("references"))) {
            StoredVersion v = byId(p.get(1), p.get(2));
            return expect(r, "GET", () -> p.size() == 4 ? references(v) : content(v, r));
        }
        if (first.equals("search") && p.size() == 2 && p.get(1).equals("versions")) {
            return expect(r, "POST", () -> searchVersions(r));
        }
        if (first.equals("system") && p.size() == 2 && p.get(1).equals("info")) {
            ObjectNode info = json.createObjectNode()
                    .put("name", "gpconnect embedded schema registry")
                    .put("description", "Not Apicurio Registry: an in-process stand-in speaking the v3 subset "
                            + "the Apicurio serdes use");
            return expect(r, "GET", () -> Response.json(200, info, json));
        }
        throw RegistryProblem.notFound("NotFoundException", "This registry does not implement " + r.method() + " "
                + BASE_PATH + "/" + String.join("/", p));
    }

    private interface Action {
        Response run() throws IOException;
    }

    private static Response expect(Request r, String method, Action action) throws IOException {
        if (!r.method().equals(method)) {
            throw RegistryProblem.methodNotAllowed(r.method() + " is not supported on this path");
        }
        return action.run();
    }

    private Response createArtifact(String groupId, Request r) throws IOException {
        JsonNode body = readBody(r);
        JsonNode first = body.path("firstVersion");
        JsonNode content = first.path("content");
        if (!content.path("content").isTextual() || content.path("content").asText().isEmpty()) {
            throw RegistryProblem.badRequest("body.firstVersion.content.content is required: this registry "
                    + "stores versions, not empty artifacts");
        }
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode ref : content.path("references")) {
            refs.add(json.treeToValue(ref, SchemaReference.class));
        }
        var request = new SchemaStore.NewVersion(groupId, text(body, "artifactId"), text(body, "artifactType"),
                text(first, "version"), content.path("content").asText(), text(content, "contentType"), refs);
        SchemaStore.IfExists ifExists;
        try {
            ifExists = r.param("ifExists") == null ? SchemaStore.IfExists.FAIL
                    : SchemaStore.IfExists.valueOf(r.param("ifExists").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryProblem.badRequest("Unknown ifExists value: " + r.param("ifExists"));
        }
        if (r.flag("dryRun")) {
            throw RegistryProblem.badRequest("dryRun is not supported by this registry");
        }
        StoredVersion stored = store.register(request, ifExists, r.flag("canonical"));
        ObjectNode answer = json.createObjectNode();
        answer.set("artifact", artifactMetaData(store.versions(stored.groupId(), stored.artifactId())));
        answer.set("version", versionMetaData(stored));
        return Response.json(200, answer, json);
    }

    private Response searchVersions(Request r) throws IOException {
        if (r.body().length == 0) {
            throw RegistryProblem.badRequest("Search by content needs the content as the request body");
        }
        String content = new String(r.body(), StandardCharsets.UTF_8);
        List<StoredVersion> found = store.searchByContent(content, r.param("groupId"), r.param("artifactId"),
                r.flag("canonical"));
        if ("asc".equalsIgnoreCase(r.param("order"))) {
            found = new ArrayList<>(found);
            Collections.reverse(found);
        }
        int offset = intParam(r, "offset", 0);
        int limit = intParam(r, "limit", 20);
        ArrayNode versions = json.createArrayNode();
        found.stream().skip(offset).limit(limit).forEach(v -> versions.add(versionMetaData(v)));
        ObjectNode answer = json.createObjectNode().put("count", found.size());
        answer.set("versions", versions);
        return Response.json(200, answer, json);
    }

    private StoredVersion byId(String kind, String id) {
        try {
            return switch (kind) {
                case "globalIds" -> store.byGlobalId(Long.parseLong(id)).orElseThrow(() ->
                        RegistryProblem.notFound("ArtifactNotFoundException", "No artifact with global ID '" + id
                                + "' was found."));
                case "contentIds" -> store.byContentId(Long.parseLong(id)).orElseThrow(() ->
                        RegistryProblem.notFound("ContentNotFoundException", "No content with ID '" + id
                                + "' was found."));
                case "contentHashes" -> store.byContentHash(id).orElseThrow(() ->
                        RegistryProblem.notFound("ContentNotFoundException", "No content with hash '" + id
                                + "' was found."));
                default -> throw RegistryProblem.notFound("NotFoundException", "Unknown id kind: " + kind);
            };
        } catch (NumberFormatException e) {
            throw RegistryProblem.badRequest("Not a numeric id: " + id);
        }
    }

    private Response content(StoredVersion v, Request r) {
        boolean dereference = "DEREFERENCE".equalsIgnoreCase(r.param("references"));
        String body = dereference ? store.dereferencedContent(v) : v.content();
        return new Response(200, v.contentType(), body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Registry-ArtifactType", v.artifactType()));
    }

    private Response references(StoredVersion v) throws IOException {
        ArrayNode refs = json.createArrayNode();
        for (SchemaReference ref : v.references()) {
            refs.add(json.valueToTree(ref));
        }
        return Response.json(200, refs, json);
    }

    private ObjectNode versionMetaData(StoredVersion v) {
        String created = Instant.ofEpochMilli(v.createdOn()).toString();
        ObjectNode node = json.createObjectNode()
                .put("groupId", v.groupId())
                .put("artifactId", v.artifactId())
                .put("version", v.version())
                .put("globalId", v.globalId())
                .put("contentId", v.contentId())
                .put("artifactType", v.artifactType())
                .put("state", "ENABLED")
                .put("owner", "")
                .put("createdOn", created)
                .put("modifiedBy", "")
                .put("modifiedOn", created);
        node.putObject("labels");
        return node;
    }

    private ObjectNode artifactMetaData(List<StoredVersion> versions) {
        StoredVersion first = versions.get(0);
        StoredVersion last = versions.get(versions.size() - 1);
        ObjectNode node = json.createObjectNode()
                .put("groupId", first.groupId())
                .put("artifactId", first.artifactId())
                .put("artifactType", first.artifactType())
                .put("owner", "")
                .put("createdOn", Instant.ofEpochMilli(first.createdOn()).toString())
                .put("modifiedBy", "")
                .put("modifiedOn", Instant.ofEpochMilli(last.createdOn()).toString());
        node.putObject("labels");
        return node;
    }

    private Response problem(RegistryProblem problem) throws IOException {
        ObjectNode body = json.createObjectNode()
                .put("status", problem.status())
                .put("name", problem.name())
                .put("title", problem.title())
                .put("detail", problem.detail());
        if (problem.causes() != null) {
            ArrayNode causes = body.putArray("causes");
            problem.causes().forEach(c -> causes.addObject().put("description", c.description())
                    .put("context", c.context()));
        }
        return Response.json(problem.status(), body, json);
    }

    private JsonNode readBody(Request r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw RegistryProblem.badRequest("Request body is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static int intParam(Request r, String name, int fallback) {
        try {
            return r.param(name) == null ? fallback : Integer.parseInt(r.param(name));
        } catch (NumberFormatException e) {
            throw RegistryProblem.badRequest("Not a number: " + name + "=" + r.param(name));
        }
    }
}
