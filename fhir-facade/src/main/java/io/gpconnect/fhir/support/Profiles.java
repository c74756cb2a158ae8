package io.gpconnect.fhir.support;

/** Canonical URLs of the GP Connect profiles, extensions, identifier systems and code systems (spec §4). */
public final class Profiles {
    private Profiles() {
    }

    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    public static final String APPOINTMENT = SD + "GPConnect-Appointment-1";
    public static final String SLOT = SD + "GPConnect-Slot-1";
    public static final String SCHEDULE = SD + "GPConnect-Schedule-1";
    public static final String PATIENT = SD + "CareConnect-GPC-Patient-1";
    public static final String ORGANIZATION = SD + "CareConnect-GPC-Organization-1";
    public static final String PRACTITIONER = SD + "CareConnect-GPC-Practitioner-1";
    public static final String PRACTITIONER_ROLE = SD + "CareConnect-GPC-PractitionerRole-1";
    public static final String LOCATION = SD + "CareConnect-GPC-Location-1";
    public static final String OPERATION_OUTCOME = SD + "GPConnect-OperationOutcome-1";
    public static final String SEARCHSET_BUNDLE = SD + "GPConnect-Searchset-Bundle-1";

    public static final String EXT_BOOKING_ORGANISATION = SD + "Extension-GPConnect-BookingOrganisation-1";
    public static final String EXT_CANCELLATION_REASON = SD + "Extension-GPConnect-AppointmentCancellationReason-1";
    public static final String EXT_PRACTITIONER_ROLE = SD + "Extension-GPConnect-PractitionerRole-1";
    public static final String EXT_DELIVERY_CHANNEL = SD + "Extension-GPConnect-DeliveryChannel-2";
    public static final String EXT_NHS_NUMBER_VERIFICATION = SD + "Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    public static final String EXT_REGISTRATION_DETAILS = SD + "Extension-CareConnect-GPC-RegistrationDetails-1";

    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_ORGANIZATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String ODS_SITE_CODE = "https://fhir.nhs.uk/Id/ods-site-code";
    public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    public static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    public static final String APPOINTMENT_IDENTIFIER = "https://fhir.nhs.uk/Id/gpconnect-appointment-identifier";

    public static final String CS_ORGANISATION_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
    public static final String CS_DELIVERY_CHANNEL = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-DeliveryChannel-1";
    public static final String CS_SDS_JOB_ROLE = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";
    public static final String CS_REGISTRATION_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1";
    public static final String CS_NHS_NUMBER_VERIFICATION = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1";
}
