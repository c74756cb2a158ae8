package io.gpconnect.fhir.body;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.gpconnect.fhir.interaction.Interaction;
import io.gpconnect.fhir.security.RequestContext;
import io.gpconnect.fhir.server.Caller;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Parses the body of a guarded request with {@link FhirBodies} before HAPI selects a handler, and hands HAPI
 * the result as the request's resource.
 *
 * <p>HAPI would otherwise parse create and update bodies itself first, and answer a Bundle sent to
 * {@code POST /Appointment}, or an invalid date in it, with its own 400; the spec wants 422 INVALID_RESOURCE.
 * A resource already on the request is what HAPI uses, so it never parses again.
 */
@Interceptor
public final class RequestBodyInterceptor {
    /** After the request guard (order 0): headers and JWT are reported before the body. */
    private static final int AFTER_GUARD = 100;

    private final FhirBodies bodies;

    public RequestBodyInterceptor(FhirBodies bodies) {
        this.bodies = bodies;
    }

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = AFTER_GUARD)
    public void parse(RequestDetails details) {
        Optional<Class<? extends IBaseResource>> type =
                Caller.context(details).map(RequestContext::interaction).flatMap(RequestBodyInterceptor::bodyType);
        if (type.isEmpty()) {
            return;
        }
        String body = FhirBodies.text(details.loadRequestContents(), charset(details));
        details.setResource(bodies.parse(body, details.getHeader("Content-Type"), type.get()));
    }

    /** The resource each interaction with a body carries (spec §2.1). */
    static Optional<Class<? extends IBaseResource>> bodyType(Interaction interaction) {
        return switch (interaction) {
            case APPOINTMENT_BOOK, APPOINTMENT_AMEND, APPOINTMENT_CANCEL -> Optional.of(Appointment.class);
            case PATIENT_REGISTER -> Optional.of(Parameters.class);
            default -> Optional.empty();
        };
    }

    private static Charset charset(RequestDetails details) {
        Charset charset = details.getCharset();
        return charset != null ? charset : StandardCharsets.UTF_8;
    }
}
