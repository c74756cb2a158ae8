package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end flow of {@link EndToEndTest} against the real production pieces in containers: Apache Kafka
 * (KRaft) and Apicurio Registry 3 itself rather than the embedded stand-ins, so the engine's Apicurio serdes
 * talk to the registry they were written for. Needs a Docker engine; where there is none the whole class is
 * reported as skipped, never as passed.
 */
@EnabledIf(value = "dockerIsAvailable",
        disabledReason = "no Docker engine here, so the Kafka and Apicurio Registry containers cannot run "
                + "(EndToEndTest covers the same flow on the embedded broker and registry)")
class ContainersEndToEndTest {
    /** The images docker-compose.yml runs. */
    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.0");
    static final DockerImageName REGISTRY_IMAGE = DockerImageName.parse("apicurio/apicurio-registry:3.1.7");
    static final int REGISTRY_PORT = 8080;
    static final ObjectMapper JSON = new ObjectMapper();

    static KafkaContainer kafka;
    static GenericContainer<?> registry;
    static Engine engine;
    static GpConnectClient client;

    static boolean dockerIsAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @BeforeAll
    static void start() throws Exception {
        kafka = new KafkaContainer(KAFKA_IMAGE)
                // As in docker-compose.yml: the engine must create every topic it needs itself.
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        kafka.start();
        registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withExposedPorts(REGISTRY_PORT)
                .waitingFor(Wait.forHttp("/health/ready").forPort(REGISTRY_PORT).withStartupTimeout(Duration.ofMinutes(3)));
        registry.start();
        String registryUrl = "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT) + "/apis/registry/v3";

        engine = Engine.start(Engine.Options.defaults(Files.createTempDirectory("gpconnect-containers-"))
                .withPort(0)
                .withExternal(kafka.getBootstrapServers(), registryUrl)
                // One broker: an external cluster's default of 3 replicas could never be placed.
                .withReplication((short) 1));
        client = new GpConnectClient(engine.serviceRoot());
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (registry != null) {
            registry.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void searchBookReadAmendCancelAgainstKafkaAndApicurioContainers() throws Exception {
        FreeSlots.Found slot = FreeSlots.search(client, 1, 6).get(0);

        HttpResponse<String> booked = client.post("/Appointment", Bookings.body(List.of(slot), "Patient/1"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String id = JSON.readTree(booked.body()).get("id").asText();

        HttpResponse<String> read = client.get("/Appointment/" + id, "rest:read:appointment-1", "patient/*.read");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("W/\"1\"");

        HttpResponse<String> again = client.post("/Appointment", Bookings.body(List.of(slot), "Patient/2"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);

        ObjectNode amended = (ObjectNode) JSON.readTree(read.body());
        amended.put("description", "Amended description");
        HttpResponse<String> amend = client.put("/Appointment/" + id, amended.toString(), "W/\"1\"",
                "rest:update:appointment-1", "patient/*.write");
        assertThat(amend.statusCode()).as(amend.body()).isEqualTo(200);
        assertThat(JSON.readTree(amend.body()).get("description").asText()).isEqualTo("Amended description");

        ObjectNode cancel = (ObjectNode) JSON.readTree(amend.body());
        cancel.put("status", "cancelled");
        ((ArrayNode) cancel.get("extension")).addObject()
                .put("url", "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1")
                .put("valueString", "Patient no longer requires appointment");
        HttpResponse<String> cancelled = client.put("/Appointment/" + id, cancel.toString(), "W/\"2\"",
                "rest:cancel:appointment-1", "patient/*.write");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(cancelled.body());
        assertThat(after.get("status").asText()).isEqualTo("cancelled");

        HttpResponse<String> rebook = client.post("/Appointment", Bookings.body(List.of(slot), "Patient/2"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(rebook.statusCode()).as("the cancelled slot is free again: " + rebook.body()).isEqualTo(201);
    }
}
