package io.gpconnect.fhir.security;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.interaction.Interaction;
import io.gpconnect.fhir.interaction.PathPattern;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The single gate every GP Connect request passes before any resource logic runs.
 *
 * <p>Checks run in the order the assurance suite exercises them, so a request with several faults is
 * reported by its most basic one: required headers present, then {@code Ssp-InteractionID} known and
 * consistent with verb and path, then {@code Ssp-To} is our ASID, then the JWT (spec §1.1, §3). Only a
 * fully authorised request learns whether the id it names can exist (404).
 */
public final class RequestGuard {

    // FHIR logical id syntax (STU3 datatype "id")
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final int ECHO_LIMIT = 200;

    private final String providerAsid;
    private final JwtValidator jwtValidator;

    /**
     * @param providerAsid our own ASID; the only {@code Ssp-To} we accept (demo: 918999198993)
     */
    public RequestGuard(String providerAsid, JwtValidator jwtValidator) {
        if (providerAsid == null || providerAsid.isBlank()) {
            throw new IllegalArgumentException("provider ASID is required");
        }
        this.providerAsid = providerAsid.strip();
        this.jwtValidator = Objects.requireNonNull(jwtValidator);
    }

    /**
     * @param method       HTTP method, e.g. {@code GET}
     * @param relativePath path below the service root, e.g. {@code Appointment/123} (a leading '/' and a
     *                     query string are tolerated and ignored)
     * @param header       header lookup by name, ignoring case
     * @throws GpConnectException with the status and Spine code the spec gives the first failed check
     */
    public RequestContext check(String method, String relativePath, Function<String, String> header) {
        SspHeaders headers = SspHeaders.from(header);
        String path = normalise(relativePath);
        Interaction interaction = interaction(headers.interactionId());
        PathPattern.Match match = interaction.match(method, path).orElseThrow(() -> badRequest(
                "Ssp-InteractionID " + interaction.interactionId() + " does not match the request "
                        + echo(method) + " " + echo(path) + " (expected " + interaction.httpMethod() + " "
                        + interaction.path().template() + ")"));
        if (!providerAsid.equals(headers.toAsid())) {
            throw badRequest("Ssp-To " + echo(headers.toAsid()) + " is not this provider's ASID");
        }
        JwtClaims claims = jwtValidator.validate(headers.authorization(), interaction);
        Optional<String> resourceId = match.id().map(id -> requireLogicalId(interaction, id));
        return new RequestContext(interaction, headers.traceId(), headers.fromAsid(), resourceId, claims);
    }

    private static Interaction interaction(String interactionId) {
        return Interaction.forInteractionId(interactionId).orElseThrow(
                () -> badRequest("Ssp-InteractionID " + echo(interactionId) + " is not a supported interaction"));
    }

    /** An id that breaks FHIR id syntax (or is empty) names nothing, so it is "not found", not "bad". */
    private static String requireLogicalId(Interaction interaction, String id) {
        if (LOGICAL_ID.matcher(id).matches()) {
            return id;
        }
        SpineCode notFound = interaction.unknownIdCode().orElse(SpineCode.NO_RECORD_FOUND);
        throw new GpConnectException(notFound, "No resource with id '" + echo(id) + "'");
    }

    private static String normalise(String relativePath) {
        String path = relativePath == null ? "" : relativePath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Keeps consumer-supplied text in diagnostics short. */
    private static String echo(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "...";
    }

    private static GpConnectException badRequest(String diagnostics) {
        return new GpConnectException(SpineCode.BAD_REQUEST, diagnostics);
    }
}
