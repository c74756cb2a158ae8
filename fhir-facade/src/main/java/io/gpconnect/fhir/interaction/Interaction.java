package io.gpconnect.fhir.interaction;

import io.gpconnect.fhir.error.SpineCode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The 15 GP Connect 1.2.7 interactions this provider serves (spec §2.1): foundations F1–F9 and
 * appointment management A1–A6.
 *
 * <p>Amend (A5) and cancel (A6) share verb and path; only {@code Ssp-InteractionID} tells them apart,
 * which is why routing starts from the header and merely checks the request against it.
 */
public enum Interaction {
    // F1–F9
    METADATA_READ("urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1",
            "GET", "metadata", RequestedScope.ORGANIZATION_READ, null),
    PATIENT_SEARCH("urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1",
            "GET", "Patient", RequestedScope.PATIENT_READ, null),
    PATIENT_READ("urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1",
            "GET", "Patient/{id}", RequestedScope.PATIENT_READ, SpineCode.PATIENT_NOT_FOUND),
    PATIENT_REGISTER("urn:nhs:names:services:gpconnect:fhir:operation:gpc.registerpatient-1",
            "POST", "Patient/$gpc.registerpatient", RequestedScope.PATIENT_WRITE, null),
    ORGANIZATION_SEARCH("urn:nhs:names:services:gpconnect:fhir:rest:search:organization-1",
            "GET", "Organization", RequestedScope.ORGANIZATION_READ, null),
    ORGANIZATION_READ("urn:nhs:names:services:gpconnect:fhir:rest:read:organization-1",
            "GET", "Organization/{id}", RequestedScope.ORGANIZATION_READ, SpineCode.ORGANISATION_NOT_FOUND),
    PRACTITIONER_SEARCH("urn:nhs:names:services:gpconnect:fhir:rest:search:practitioner-1",
            "GET", "Practitioner", RequestedScope.ORGANIZATION_READ, null),
    PRACTITIONER_READ("urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1",
            "GET", "Practitioner/{id}", RequestedScope.ORGANIZATION_READ, SpineCode.PRACTITIONER_NOT_FOUND),
    LOCATION_READ("urn:nhs:names:services:gpconnect:fhir:rest:read:location-1",
            "GET", "Location/{id}", RequestedScope.ORGANIZATION_READ, SpineCode.NO_RECORD_FOUND),
    // A1–A6
    SLOT_SEARCH("urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1",
            "GET", "Slot", RequestedScope.ORGANIZATION_READ, null),
    APPOINTMENT_BOOK("urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1",
            "POST", "Appointment", RequestedScope.PATIENT_WRITE, null),
    PATIENT_APPOINTMENTS_SEARCH("urn:nhs:names:services:gpconnect:fhir:rest:search:patient_appointments-1",
            "GET", "Patient/{id}/Appointment", RequestedScope.PATIENT_READ, SpineCode.PATIENT_NOT_FOUND),
    APPOINTMENT_READ("urn:nhs:names:services:gpconnect:fhir:rest:read:appointment-1",
            "GET", "Appointment/{id}", RequestedScope.PATIENT_READ, SpineCode.NO_RECORD_FOUND),
    APPOINTMENT_AMEND("urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1",
            "PUT", "Appointment/{id}", RequestedScope.PATIENT_WRITE, SpineCode.NO_RECORD_FOUND),
    APPOINTMENT_CANCEL("urn:nhs:names:services:gpconnect:fhir:rest:cancel:appointment-1",
            "PUT", "Appointment/{id}", RequestedScope.PATIENT_WRITE, SpineCode.NO_RECORD_FOUND);

    private final String interactionId;
    private final String httpMethod;
    private final PathPattern path;
    private final RequestedScope requiredScope;
    private final SpineCode unknownIdCode;

    Interaction(String interactionId, String httpMethod, String path, RequestedScope requiredScope,
            SpineCode unknownIdCode) {
        this.interactionId = interactionId;
        this.httpMethod = httpMethod;
        this.path = new PathPattern(path);
        this.requiredScope = requiredScope;
        this.unknownIdCode = unknownIdCode;
    }

    /** The {@code Ssp-InteractionID} URN. */
    public String interactionId() {
        return interactionId;
    }

    public String httpMethod() {
        return httpMethod;
    }

    /** Relative to the service root, e.g. {@code Appointment/{id}}. */
    public PathPattern path() {
        return path;
    }

    /** The one {@code requested_scope} the JWT must carry for this interaction (spec §3.2). */
    public RequestedScope requiredScope() {
        return requiredScope;
    }

    /** The 404 code for an id that cannot exist, for interactions addressing a resource by id. */
    public Optional<SpineCode> unknownIdCode() {
        return Optional.ofNullable(unknownIdCode);
    }

    public static Optional<Interaction> forInteractionId(String urn) {
        return Arrays.stream(values()).filter(i -> i.interactionId.equals(urn)).findFirst();
    }

    /** True when verb and path are this interaction's. HTTP methods are case-sensitive. */
    public boolean matches(String method, String relativePath) {
        return match(method, relativePath).isPresent();
    }

    public Optional<PathPattern.Match> match(String method, String relativePath) {
        if (!httpMethod.equals(method) || relativePath == null) {
            return Optional.empty();
        }
        return path.match(relativePath);
    }
}
