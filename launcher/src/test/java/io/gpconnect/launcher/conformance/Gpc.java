package io.gpconnect.launcher.conformance;

/**
 * The interactions of spec §2.1, written out from the spec rather than taken from the facade: the
 * {@code Ssp-InteractionID} of each, the one JWT {@code requested_scope} it accepts (§3.2), its verb and path.
 */
enum Gpc {
    METADATA("rest:read:metadata-1", Scope.ORGANIZATION_READ, "GET", "/metadata"),
    PATIENT_SEARCH("rest:search:patient-1", Scope.PATIENT_READ, "GET",
            "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9658218865"),
    PATIENT_READ("rest:read:patient-1", Scope.PATIENT_READ, "GET", "/Patient/1"),
    REGISTER_PATIENT("operation:gpc.registerpatient-1", Scope.PATIENT_WRITE, "POST", "/Patient/$gpc.registerpatient"),
    ORGANIZATION_SEARCH("rest:search:organization-1", Scope.ORGANIZATION_READ, "GET",
            "/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code%7CA20047"),
    ORGANIZATION_READ("rest:read:organization-1", Scope.ORGANIZATION_READ, "GET", "/Organization/1"),
    PRACTITIONER_SEARCH("rest:search:practitioner-1", Scope.ORGANIZATION_READ, "GET",
            "/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id%7CG13579135"),
    PRACTITIONER_READ("rest:read:practitioner-1", Scope.ORGANIZATION_READ, "GET", "/Practitioner/1"),
    LOCATION_READ("rest:read:location-1", Scope.ORGANIZATION_READ, "GET", "/Location/1"),
    SLOT_SEARCH("rest:search:slot-1", Scope.ORGANIZATION_READ, "GET",
            "/Slot?start=ge2030-01-01&end=le2030-01-02&status=free&_include=Slot:schedule"),
    BOOK("rest:create:appointment-1", Scope.PATIENT_WRITE, "POST", "/Appointment"),
    PATIENT_APPOINTMENTS("rest:search:patient_appointments-1", Scope.PATIENT_READ, "GET",
            "/Patient/1/Appointment?start=ge2030-01-01&start=le2030-01-02"),
    READ_APPOINTMENT("rest:read:appointment-1", Scope.PATIENT_READ, "GET", "/Appointment/1"),
    AMEND("rest:update:appointment-1", Scope.PATIENT_WRITE, "PUT", "/Appointment/1"),
    CANCEL("rest:cancel:appointment-1", Scope.PATIENT_WRITE, "PUT", "/Appointment/1");

    private static final String URN = "urn:nhs:names:services:gpconnect:fhir:";

    final String interactionId;
    final String scope;
    /** Verb and a path of the interaction, for checks that do not depend on what the path names. */
    final String method;
    final String examplePath;

    Gpc(String suffix, String scope, String method, String examplePath) {
        this.interactionId = URN + suffix;
        this.scope = scope;
        this.method = method;
        this.examplePath = examplePath;
    }

    /** The {@code requested_scope} values of spec §3.1. */
    static final class Scope {
        static final String PATIENT_READ = "patient/*.read";
        static final String PATIENT_WRITE = "patient/*.write";
        static final String ORGANIZATION_READ = "organization/*.read";
        static final String ORGANIZATION_WRITE = "organization/*.write";

        private Scope() {
        }
    }
}
