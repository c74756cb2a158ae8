package io.gpconnect.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.GpConnectExceptionInterceptor;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.interaction.Interaction;
import io.gpconnect.fhir.security.FhirContexts;
import io.gpconnect.fhir.security.JwtValidator;
import io.gpconnect.fhir.security.Jwts;
import io.gpconnect.fhir.security.RequestContext;
import io.gpconnect.fhir.security.RequestGuard;
import io.gpconnect.fhir.security.RequestGuardInterceptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard and the error model wired into a real HAPI RestfulServer on Jetty, the way the facade
 * should use them: status codes and OperationOutcome bodies as the consumer sees them.
 */
class GuardedRestfulServerTest {

    private static final String ASID = "918999198993";
    private static final String ROOT = "/A20047/STU3/1/gpconnect";

    private static Server jetty;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        RestfulServer fhir = new RestfulServer(FhirContexts.DSTU3);
        fhir.registerProvider(new AppointmentProbe());
        fhir.registerProvider(new RegisterPatientProbe());
        fhir.registerInterceptor(new RequestGuardInterceptor(
                new RequestGuard(ASID, new JwtValidator(FhirContexts.DSTU3, Jwts.CLOCK))));
        fhir.registerInterceptor(new GpConnectExceptionInterceptor());

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(fhir), ROOT + "/*");
        jetty = new Server(0);
        jetty.setHandler(context);
        jetty.start();
        base = "http://localhost:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + ROOT + "/";
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    /** Echoes what the guard decided, or fails in the ways a real provider might. */
    public static class AppointmentProbe implements IResourceProvider {

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Appointment.class;
        }

        @Read
        public Appointment read(@IdParam IdType id, RequestDetails details) {
            return switch (id.getIdPart()) {
                case "missing" -> throw new GpConnectException(SpineCode.NO_RECORD_FOUND, "No appointment 'missing'");
                case "boom" -> throw new IllegalStateException("secret connection string");
                default -> echo(id, RequestGuardInterceptor.contextOf(details));
            };
        }

        @Update
        public MethodOutcome update(@IdParam IdType id, @ResourceParam Appointment body, RequestDetails details) {
            return new MethodOutcome(id).setResource(echo(id, RequestGuardInterceptor.contextOf(details)));
        }

        private static Appointment echo(IdType id, RequestContext context) {
            Appointment appointment = new Appointment();
            appointment.setId(id.getIdPart());
            appointment.setDescription(context.interaction() + " for " + context.requester().organisationOdsCode()
                    + " id " + context.resourceId().orElse("-"));
            return appointment;
        }
    }

    /** Stands in for $gpc.registerpatient, to show operation paths get through the guard. */
    public static class RegisterPatientProbe implements IResourceProvider {

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Patient.class;
        }

        @Operation(name = "$gpc.registerpatient")
        public Bundle register(@OperationParam(name = "registerPatient") Patient patient, RequestDetails details) {
            Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            bundle.setId(RequestGuardInterceptor.contextOf(details).interaction().name());
            return bundle;
        }
    }

    private static Map<String, String> headersFor(Interaction interaction) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Ssp-TraceID", "3f2b8a4e-9c1d-4e5f-a6b7-0c8d9e1f2a3b");
        headers.put("Ssp-From", "200000000359");
        headers.put("Ssp-To", ASID);
        headers.put("Ssp-InteractionID", interaction.interactionId());
        headers.put("Authorization", Jwts.valid().scope(interaction.requiredScope().value()).bearer());
        headers.put("Accept", "application/fhir+json");
        return headers;
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return send("GET", path, headers, null);
    }

    private static OperationOutcome outcome(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        var parser = contentType.contains("xml") ? FhirContexts.DSTU3.newXmlParser() : FhirContexts.DSTU3.newJsonParser();
        return parser.parseResource(OperationOutcome.class, response.body());
    }

    private static void assertOutcome(HttpResponse<String> response, int status, SpineCode code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        OperationOutcome outcome = outcome(response);
        assertThat(outcome.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1");
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem()).isEqualTo(SpineCode.SYSTEM);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo(code.code());
    }

    @Test
    void a_valid_request_reaches_the_provider_with_its_context() throws Exception {
        HttpResponse<String> response = get("Appointment/42", headersFor(Interaction.APPOINTMENT_READ));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Appointment appointment = FhirContexts.DSTU3.newJsonParser().parseResource(Appointment.class, response.body());
        assertThat(appointment.getDescription()).isEqualTo("APPOINTMENT_READ for B81016 id 42");
    }

    @Test
    void the_capability_statement_is_served_behind_the_guard() throws Exception {
        assertThat(get("metadata", headersFor(Interaction.METADATA_READ)).statusCode()).isEqualTo(200);
    }

    @Test
    void cancel_reaches_the_update_method_as_a_cancel() throws Exception {
        Map<String, String> headers = headersFor(Interaction.APPOINTMENT_CANCEL);
        headers.put("Content-Type", "application/fhir+json");

        HttpResponse<String> response = send("PUT", "Appointment/42", headers,
                "{\"resourceType\":\"Appointment\",\"id\":\"42\",\"status\":\"cancelled\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("APPOINTMENT_CANCEL for B81016 id 42");
    }

    @Test
    void a_missing_header_is_a_400_operation_outcome_in_json() throws Exception {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.remove("Ssp-TraceID");

        HttpResponse<String> response = get("metadata", headers);

        assertOutcome(response, 400, SpineCode.BAD_REQUEST);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
    }

    @Test
    void an_error_is_rendered_in_xml_when_the_consumer_asks_for_xml() throws Exception {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Ssp-To", "123456789123");

        HttpResponse<String> response = get("metadata?_format=application/fhir%2Bxml", headers);

        assertOutcome(response, 400, SpineCode.BAD_REQUEST);
        assertThat(response.body()).startsWith("<OperationOutcome");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "DELETE", "POST", "PUT", "OPTIONS"})
    void an_unsupported_verb_on_metadata_is_our_400_not_hapis(String method) throws Exception {
        assertOutcome(send(method, "metadata", headersFor(Interaction.METADATA_READ), null), 400,
                SpineCode.BAD_REQUEST);
    }

    @Test
    void an_unknown_path_is_our_400_not_hapis_404() throws Exception {
        assertOutcome(get("metadatas", headersFor(Interaction.METADATA_READ)), 400, SpineCode.BAD_REQUEST);
    }

    @Test
    void an_empty_id_is_404() throws Exception {
        assertOutcome(get("Appointment/", headersFor(Interaction.APPOINTMENT_READ)), 404, SpineCode.NO_RECORD_FOUND);
    }

    @Test
    void a_bad_claim_resource_is_422() throws Exception {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Authorization", Jwts.valid().device(Jwts.DEVICE.replace("\"model\"", "\"bogus\":1,\"model\""))
                .bearer());

        assertOutcome(get("metadata", headers), 422, SpineCode.INVALID_RESOURCE);
    }

    @Test
    void a_provider_exception_keeps_its_status_and_code() throws Exception {
        assertOutcome(get("Appointment/missing", headersFor(Interaction.APPOINTMENT_READ)), 404,
                SpineCode.NO_RECORD_FOUND);
    }

    @Test
    void a_provider_bug_is_a_500_without_internals() throws Exception {
        HttpResponse<String> response = get("Appointment/boom", headersFor(Interaction.APPOINTMENT_READ));

        assertOutcome(response, 500, SpineCode.INTERNAL_SERVER_ERROR);
        assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException")
                .doesNotContain("at io.gpconnect");
    }

    @Test
    void a_body_hapi_cannot_parse_is_our_400() throws Exception {
        Map<String, String> headers = headersFor(Interaction.APPOINTMENT_AMEND);
        headers.put("Content-Type", "application/fhir+json");

        assertOutcome(send("PUT", "Appointment/42", headers, "{not json"), 400, SpineCode.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient/$gpc.registerpatient", "Patient/%24gpc.registerpatient"})
    void an_operation_path_reaches_the_operation(String path) throws Exception {
        Map<String, String> headers = headersFor(Interaction.PATIENT_REGISTER);
        headers.put("Content-Type", "application/fhir+json");

        HttpResponse<String> response = send("POST", path, headers,
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"registerPatient\","
                        + "\"resource\":{\"resourceType\":\"Patient\"}}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("PATIENT_REGISTER");
    }
}
