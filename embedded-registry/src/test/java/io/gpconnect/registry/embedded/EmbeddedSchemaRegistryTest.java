package io.gpconnect.registry.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.rest.client.models.RuleViolationProblemDetails;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.gpconnect.kafka.embedded.EmbeddedKafka;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the registry with Apicurio's real Avro serdes, over a real in-process Kafka. */
class EmbeddedSchemaRegistryTest {

    private static final Schema ORDER_V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Order","namespace":"test","fields":[
              {"name":"id","type":"string"}]}""");
    /** Adds a required field: a consumer on this schema cannot read v1 records. */
    private static final Schema ORDER_INCOMPATIBLE = new Schema.Parser().parse("""
            {"type":"record","name":"Order","namespace":"test","fields":[
              {"name":"id","type":"string"},
              {"name":"priority","type":"int"}]}""");
    /** Adds a field with a default: BACKWARD compatible. */
    private static final Schema ORDER_V2 = new Schema.Parser().parse("""
            {"type":"record","name":"Order","namespace":"test","fields":[
              {"name":"id","type":"string"},
              {"name":"note","type":"string","default":""}]}""");
    /** Nested record, enum and nullable record: the serdes register these as separate, referenced artifacts. */
    private static final Schema EVENT = new Schema.Parser().parse("""
            {"type":"record","name":"Event","namespace":"test.nested","fields":[
              {"name":"id","type":"string"},
              {"name":"requester","type":{"type":"record","name":"Requester","fields":[
                {"name":"ods","type":"string"}]}},
              {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["BOOK","CANCEL"]}},
              {"name":"detail","type":["null",{"type":"record","name":"Detail","fields":[
                {"name":"note","type":"string"}]}],"default":null}]}""");

    private static EmbeddedKafka kafka;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void serializedRecordDeserializesThroughTheRegistry() {
        try (var registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+/apis/registry/v3");
            GenericRecord order = order(ORDER_V1, "o-1");

            byte[] bytes = serialize(registry, "roundtrip", order);
            GenericRecord back = deserialize(registry, "roundtrip", bytes);

            assertThat(bytes[0]).isZero();
            assertThat(back.getSchema()).isEqualTo(ORDER_V1);
            assertThat(back.get("id")).hasToString("o-1");
        }
    }

    @Test
    void restartedRegistryOnTheSameKafkaStillResolvesOldIds() {
        byte[] before;
        try (var first = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            before = serialize(first, "restart", order(ORDER_V1, "o-2"));
        }

        try (var second = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            GenericRecord back = deserialize(second, "restart", before);
            assertThat(back.get("id")).hasToString("o-2");
            // A producer restarting against the new instance re-registers and must get the very same id.
            assertThat(serialize(second, "restart", order(ORDER_V1, "o-2"))).isEqualTo(before);
            // And ids handed out after the restart do not collide with the replayed ones.
            byte[] other = serialize(second, "restart-other", order(ORDER_V2, "o-3"));
            assertThat(schemaId(other)).isNotEqualTo(schemaId(before));
            assertThat(deserialize(second, "restart-other", other).get("note")).hasToString("");
        }
    }

    @Test
    void incompatibleVersionIsRefusedAndCompatibleOneAccepted() {
        try (var registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            byte[] v1Bytes = serialize(registry, "compat", order(ORDER_V1, "o-4"));

            GenericRecord incompatible = order(ORDER_INCOMPATIBLE, "o-5");
            incompatible.put("priority", 1);
            assertThatThrownBy(() -> serialize(registry, "compat", incompatible))
                    // The 3.1.7 client leaves the Kiota exception's message empty, so the reason is in
                    // the cause's problem details (and in this registry's WARN log), not in getMessage().
                    .hasMessageContaining("RuleViolationProblemDetails")
                    .satisfies(e -> {
                        RuleViolationProblemDetails refusal = causeOfType(e, RuleViolationProblemDetails.class);
                        assertThat(refusal.getResponseStatusCode()).isEqualTo(409);
                        assertThat(refusal.getName()).isEqualTo("RuleViolationException");
                        assertThat(refusal.getDetail())
                                .contains("default/compat-value")
                                .contains("not BACKWARD compatible")
                                .contains("new field 'priority' has no default");
                        assertThat(refusal.getCauses()).extracting("context").containsExactly("/fields/1");
                    });

            GenericRecord compatible = order(ORDER_V2, "o-6");
            byte[] v2Bytes = serialize(registry, "compat", compatible);
            assertThat(schemaId(v2Bytes)).isNotEqualTo(schemaId(v1Bytes));

            assertThat(deserialize(registry, "compat", v1Bytes).get("id")).hasToString("o-4");
            GenericRecord v2Back = deserialize(registry, "compat", v2Bytes);
            assertThat(v2Back.getSchema()).isEqualTo(ORDER_V2);
            assertThat(v2Back.get("note")).hasToString("");
        }
    }

    @Test
    void nestedTypesTravelAsReferencesAndSurviveARestart() {
        GenericRecord event = event();
        byte[] bytes;
        try (var registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            bytes = serialize(registry, "nested", event);
            assertThat(deserialize(registry, "nested", bytes)).isEqualTo(event);
        }
        try (var registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            assertThat(deserialize(registry, "nested", bytes)).isEqualTo(event);
            assertThat(serialize(registry, "nested", event)).isEqualTo(bytes);
        }
    }

    @Test
    void withoutAutoRegisterTheSerializerFindsTheLatestVersionOrTheSameContent() {
        try (var registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            byte[] registered = serialize(registry, "lookup", event());

            Map<String, Object> findLatest = new HashMap<>(config(registry));
            findLatest.put("apicurio.registry.auto-register", "false");
            findLatest.put("apicurio.registry.find-latest", "true");
            assertThat(serialize(findLatest, "lookup", event())).isEqualTo(registered);

            Map<String, Object> byContent = new HashMap<>(config(registry));
            byContent.put("apicurio.registry.auto-register", "false");
            assertThat(serialize(byContent, "lookup", event())).isEqualTo(registered);

            Map<String, Object> byGlobalId = new HashMap<>(config(registry));
            byGlobalId.put("apicurio.registry.use-id", "globalId");
            byte[] withGlobalId = serialize(byGlobalId, "lookup", event());
            assertThat(deserialize(byGlobalId, "lookup", withGlobalId)).isEqualTo(event());

            // Asks for the schema with its references inlined (references=DEREFERENCE).
            Map<String, Object> dereferenced = new HashMap<>(byGlobalId);
            dereferenced.put("apicurio.registry.dereference-schema", "true");
            assertThat(deserialize(dereferenced, "lookup", withGlobalId)).isEqualTo(event());
        }
    }

    @Test
    void answersWithApicurioProblemDetailsAndReusesVersionsForIdenticalContent() throws Exception {
        try (var registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            JsonNode first = createArtifact(registry, "http-value", ORDER_V1).body;
            JsonNode again = createArtifact(registry, "http-value", ORDER_V1).body;
            assertThat(again.at("/version/globalId")).isEqualTo(first.at("/version/globalId"));
            assertThat(again.at("/version/version").asText()).isEqualTo("1");
            assertThat(first.at("/artifact/artifactType").asText()).isEqualTo("AVRO");

            Reply refused = createArtifact(registry, "http-value", ORDER_INCOMPATIBLE);
            assertThat(refused.status).isEqualTo(409);
            assertThat(refused.body.path("status").asInt()).isEqualTo(409);
            assertThat(refused.body.path("name").asText()).isEqualTo("RuleViolationException");
            assertThat(refused.body.path("title").asText()).startsWith("Incompatible artifact: default/http-value");
            assertThat(refused.body.at("/causes/0/context").asText()).isEqualTo("/fields/1");

            Reply latest = get(registry, "/groups/default/artifacts/http-value/versions/branch%3Dlatest");
            assertThat(latest.body.path("globalId")).isEqualTo(first.at("/version/globalId"));
            Reply refs = get(registry, "/ids/contentIds/" + first.at("/version/contentId").asLong() + "/references");
            assertThat(refs.body.isArray()).isTrue();
            assertThat(refs.body).isEmpty();

            Reply missing = get(registry, "/ids/globalIds/987654");
            assertThat(missing.status).isEqualTo(404);
            assertThat(missing.body.path("name").asText()).isEqualTo("ArtifactNotFoundException");
        }
    }

    // --- helpers ---

    private static Map<String, Object> config(EmbeddedSchemaRegistry registry) {
        return Map.of("apicurio.registry.url", registry.url(), "apicurio.registry.auto-register", "true");
    }

    private static byte[] serialize(EmbeddedSchemaRegistry registry, String topic, GenericRecord value) {
        return serialize(config(registry), topic, value);
    }

    private static byte[] serialize(Map<String, Object> config, String topic, GenericRecord value) {
        try (var serializer = new AvroKafkaSerializer<GenericRecord>()) {
            serializer.configure(config, false);
            return serializer.serialize(topic, value);
        }
    }

    /** A fresh deserializer each time, so nothing comes from a client-side cache. */
    private static GenericRecord deserialize(EmbeddedSchemaRegistry registry, String topic, byte[] bytes) {
        return deserialize(config(registry), topic, bytes);
    }

    private static GenericRecord deserialize(Map<String, Object> config, String topic, byte[] bytes) {
        try (var deserializer = new AvroKafkaDeserializer<GenericRecord>()) {
            deserializer.configure(config, false);
            return deserializer.deserialize(topic, bytes);
        }
    }

    private static int schemaId(byte[] bytes) {
        return ByteBuffer.wrap(Arrays.copyOfRange(bytes, 1, 5)).getInt();
    }

    private static GenericRecord order(Schema schema, String id) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", id);
        if (schema.getField("note") != null) {
            r.put("note", "");
        }
        return r;
    }

    private static GenericRecord event() {
        Schema requesterSchema = EVENT.getField("requester").schema();
        GenericRecord requester = new GenericData.Record(requesterSchema);
        requester.put("ods", "A12345");
        Schema detailSchema = EVENT.getField("detail").schema().getTypes().get(1);
        GenericRecord detail = new GenericData.Record(detailSchema);
        detail.put("note", "first visit");
        GenericRecord event = new GenericData.Record(EVENT);
        event.put("id", "e-1");
        event.put("requester", requester);
        event.put("kind", new GenericData.EnumSymbol(EVENT.getField("kind").schema(), "BOOK"));
        event.put("detail", detail);
        return event;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in the cause chain of " + e, e);
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply createArtifact(EmbeddedSchemaRegistry registry, String artifactId, Schema schema) throws Exception {
        var body = json.createObjectNode().put("artifactId", artifactId).put("artifactType", "AVRO");
        body.putObject("firstVersion").putObject("content")
                .put("content", schema.toString()).put("contentType", "application/json");
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url()
                        + "/groups/default/artifacts?ifExists=FIND_OR_CREATE_VERSION&canonical=false"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return send(request);
    }

    private Reply get(EmbeddedSchemaRegistry registry, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), json.readTree(response.body()));
    }
}
