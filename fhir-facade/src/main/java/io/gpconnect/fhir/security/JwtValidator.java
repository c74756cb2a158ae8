package io.gpconnect.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.interaction.Interaction;
import io.gpconnect.fhir.interaction.RequestedScope;
import io.gpconnect.fhir.patient.NhsNumber;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Device;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;

/**
 * Applies every rule spec §3 sets for the bearer token. Failures are 400 BAD_REQUEST, except a
 * {@code requesting_*} claim that is not a valid resource of its type: 422 INVALID_RESOURCE.
 *
 * <p>Patient-facing tokens are this provider's extension: GP Connect 1.2.7 has no patient token form
 * ({@code requesting_practitioner} is mandatory, and the 0.x {@code requested_record} claim is refused), so a
 * patient-facing application sends, <em>instead of</em> {@code requesting_practitioner}, a
 * {@code requesting_patient} claim: a Patient resource whose {@code id} equals {@code sub} and which carries the
 * patient's NHS number. Every other rule is the same. A clinician token is unaffected, and one without
 * {@code requesting_practitioner} and without {@code requesting_patient} is still the spec's 400. What a patient
 * may then do is decided by {@code io.gpconnect.fhir.access}.
 *
 * <p>Deliberately not checked: {@code aud} against our own URL (the consumer took it from SDS, and
 * only its presence is a rule) and {@code iat} in the future (the suite requires it accepted, #188).
 */
public final class JwtValidator {

    static final String ISS = "iss";
    static final String SUB = "sub";
    static final String AUD = "aud";
    static final String EXP = "exp";
    static final String IAT = "iat";
    static final String REASON_FOR_REQUEST = "reason_for_request";
    static final String REQUESTED_SCOPE = "requested_scope";
    static final String REQUESTING_DEVICE = "requesting_device";
    static final String REQUESTING_ORGANIZATION = "requesting_organization";
    static final String REQUESTING_PRACTITIONER = "requesting_practitioner";
    /** Patient-facing tokens only, in place of {@link #REQUESTING_PRACTITIONER}. */
    static final String REQUESTING_PATIENT = "requesting_patient";
    /** GP Connect 0.x claim; its presence marks an outdated consumer. */
    static final String REQUESTED_RECORD = "requested_record";

    /** The claims of a clinician token; a patient-facing one has {@link #REQUESTING_PATIENT} in place of the last. */
    static final List<String> REQUIRED = List.of(ISS, SUB, AUD, EXP, IAT, REASON_FOR_REQUEST, REQUESTED_SCOPE,
            REQUESTING_DEVICE, REQUESTING_ORGANIZATION, REQUESTING_PRACTITIONER);

    static final long LIFETIME_SECONDS = 300;
    static final String DIRECT_CARE = "directcare";
    static final String ODS_ORGANIZATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

    private final ClaimResources resources;
    private final Clock clock;

    /**
     * @param dstu3 the application's shared STU3 context (building one costs seconds)
     * @param clock source of "now" for expiry
     */
    public JwtValidator(FhirContext dstu3, Clock clock) {
        if (dstu3.getVersion().getVersion() != FhirVersionEnum.DSTU3) {
            throw new IllegalArgumentException("GP Connect 1.2.7 claims are STU3 resources");
        }
        this.resources = new ClaimResources(dstu3);
        this.clock = clock;
    }

    /**
     * @param authorization the {@code Authorization} header value
     * @param interaction   the interaction the request was routed to, whose scope the token must carry
     */
    public JwtClaims validate(String authorization, Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        Map<String, Object> raw = UnsignedJwt.claimsOf(authorization);
        rejectRequestedRecord(raw);
        requirePresent(raw);
        JWTClaimsSet claims = typed(raw);

        long iat = epochSeconds(raw, IAT);
        long exp = epochSeconds(raw, EXP);
        checkLifetime(iat, exp);

        String issuer = nonBlankString(claims, ISS);
        String subject = nonBlankString(claims, SUB);
        checkAudience(claims);
        checkReason(claims);
        RequestedScope scope = checkScope(claims, interaction);

        resources.parse(REQUESTING_DEVICE, object(claims, REQUESTING_DEVICE), Device.class);
        Organization organization =
                resources.parse(REQUESTING_ORGANIZATION, object(claims, REQUESTING_ORGANIZATION), Organization.class);
        Requester requester;
        if (patientFacing(raw)) {
            Patient patient = resources.parse(REQUESTING_PATIENT, object(claims, REQUESTING_PATIENT), Patient.class);
            requester = patientRequester(subject, organization, patient);
        } else {
            Practitioner practitioner =
                    resources.parse(REQUESTING_PRACTITIONER, object(claims, REQUESTING_PRACTITIONER), Practitioner.class);
            requester = requester(subject, organization, practitioner);
        }
        return new JwtClaims(issuer, subject, claims.getAudience(), Instant.ofEpochSecond(iat),
                Instant.ofEpochSecond(exp), scope, requester);
    }

    private static void rejectRequestedRecord(Map<String, Object> raw) {
        if (raw.containsKey(REQUESTED_RECORD)) {
            throw badRequest("JWT claim " + REQUESTED_RECORD + " is not allowed (GP Connect 0.x only)");
        }
    }

    /** A claim sent as JSON null is as absent as one not sent at all. */
    private static void requirePresent(Map<String, Object> raw) {
        boolean patientFacing = patientFacing(raw);
        List<String> missing = REQUIRED.stream()
                .filter(name -> raw.get(name) == null)
                .filter(name -> !(patientFacing && name.equals(REQUESTING_PRACTITIONER)))
                .toList();
        if (!missing.isEmpty()) {
            throw badRequest("JWT claim(s) missing: " + String.join(", ", missing));
        }
        if (patientFacing && raw.get(REQUESTING_PRACTITIONER) != null) {
            throw badRequest("JWT carries both " + REQUESTING_PRACTITIONER + " and " + REQUESTING_PATIENT
                    + "; a token speaks for one logged-on user");
        }
    }

    private static boolean patientFacing(Map<String, Object> raw) {
        return raw.get(REQUESTING_PATIENT) != null;
    }

    private static JWTClaimsSet typed(Map<String, Object> raw) {
        try {
            return JWTClaimsSet.parse(raw);
        } catch (ParseException | RuntimeException e) {
            throw badRequest("JWT claims are malformed: " + e.getMessage());
        }
    }

    /** 9999-12-31T23:59:59Z: beyond it a time is a mistake, and near Long.MAX_VALUE it no longer fits an Instant. */
    static final long LATEST_EPOCH_SECOND = 253_402_300_799L;

    /** Read from the raw JSON: the typed view would silently truncate 1.5 or accept "123". */
    private static long epochSeconds(Map<String, Object> raw, String claim) {
        Object value = raw.get(claim);
        if (value instanceof Long || value instanceof Integer) {
            long seconds = ((Number) value).longValue();
            if (seconds < 0 || seconds > LATEST_EPOCH_SECOND) {
                throw badRequest("JWT claim " + claim + " must be a time between 1970 and 9999 in seconds since the epoch, not " + seconds);
            }
            return seconds;
        }
        throw badRequest("JWT claim " + claim + " must be an integer number of seconds since the epoch");
    }

    /** Present is not enough: an empty audience names no provider. */
    private static void checkAudience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (audience.isEmpty() || audience.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw badRequest("JWT claim " + AUD + " must name the provider's service root");
        }
    }

    private void checkLifetime(long iat, long exp) {
        if (exp - iat != LIFETIME_SECONDS) {
            throw badRequest("JWT exp must be exactly iat + " + LIFETIME_SECONDS + " seconds, but is iat + "
                    + (exp - iat));
        }
        long now = clock.instant().getEpochSecond();
        if (exp < now) {
            throw badRequest("JWT has expired: exp " + exp + " is before now (" + now + ")");
        }
    }

    private static void checkReason(JWTClaimsSet claims) {
        String reason = string(claims, REASON_FOR_REQUEST);
        if (!DIRECT_CARE.equals(reason)) {
            throw badRequest("JWT " + REASON_FOR_REQUEST + " must be '" + DIRECT_CARE + "'");
        }
    }

    private static RequestedScope checkScope(JWTClaimsSet claims, Interaction interaction) {
        String value = string(claims, REQUESTED_SCOPE);
        RequestedScope scope = RequestedScope.fromValue(value).orElseThrow(
                () -> badRequest("JWT " + REQUESTED_SCOPE + " is not a GP Connect scope: " + value));
        if (scope != interaction.requiredScope()) {
            throw badRequest("JWT " + REQUESTED_SCOPE + " " + scope.value() + " does not allow this request; "
                    + interaction.interactionId() + " needs " + interaction.requiredScope().value());
        }
        return scope;
    }

    private static Requester requester(String subject, Organization organization, Practitioner practitioner) {
        String practitionerId = practitioner.getIdElement().getIdPart();
        if (!subject.equals(practitionerId)) {
            throw badRequest("JWT sub must equal " + REQUESTING_PRACTITIONER + ".id");
        }
        String odsCode = identifier(organization.getIdentifier(), ODS_ORGANIZATION_CODE).orElseThrow(
                () -> badRequest("JWT " + REQUESTING_ORGANIZATION + " has no " + ODS_ORGANIZATION_CODE
                        + " identifier"));
        String sdsUserId = identifier(practitioner.getIdentifier(), SDS_USER_ID).orElseThrow(
                () -> badRequest("JWT " + REQUESTING_PRACTITIONER + " has no " + SDS_USER_ID
                        + " identifier (send UNK when unknown)"));
        return new Requester(odsCode, practitionerId, sdsUserId,
                identifier(practitioner.getIdentifier(), SDS_ROLE_PROFILE_ID));
    }

    private static Requester patientRequester(String subject, Organization organization, Patient patient) {
        if (!subject.equals(patient.getIdElement().getIdPart())) {
            throw badRequest("JWT sub must equal " + REQUESTING_PATIENT + ".id");
        }
        String odsCode = identifier(organization.getIdentifier(), ODS_ORGANIZATION_CODE).orElseThrow(
                () -> badRequest("JWT " + REQUESTING_ORGANIZATION + " has no " + ODS_ORGANIZATION_CODE
                        + " identifier"));
        String nhsNumber = identifier(patient.getIdentifier(), NHS_NUMBER).orElseThrow(
                () -> badRequest("JWT " + REQUESTING_PATIENT + " has no " + NHS_NUMBER + " identifier"));
        if (!NhsNumber.isValid(nhsNumber)) {
            throw badRequest("JWT " + REQUESTING_PATIENT + " NHS number is not a valid NHS number");
        }
        return Requester.patient(odsCode, nhsNumber);
    }

    private static Optional<String> identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream()
                .filter(id -> system.equals(id.getSystem()))
                .map(Identifier::getValue)
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }

    private static String nonBlankString(JWTClaimsSet claims, String claim) {
        String value = string(claims, claim);
        if (value.isBlank()) {
            throw badRequest("JWT claim " + claim + " must not be empty");
        }
        return value;
    }

    private static String string(JWTClaimsSet claims, String claim) {
        try {
            return claims.getStringClaim(claim);
        } catch (ParseException e) {
            throw badRequest("JWT claim " + claim + " must be a string");
        }
    }

    private static Map<String, Object> object(JWTClaimsSet claims, String claim) {
        try {
            return claims.getJSONObjectClaim(claim);
        } catch (ParseException e) {
            throw badRequest("JWT claim " + claim + " must be a JSON object holding a FHIR resource");
        }
    }

    private static GpConnectException badRequest(String diagnostics) {
        return new GpConnectException(SpineCode.BAD_REQUEST, diagnostics);
    }
}
