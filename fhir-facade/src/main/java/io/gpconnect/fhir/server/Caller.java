package io.gpconnect.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.gpconnect.fhir.security.RequestContext;
import io.gpconnect.schemas.Requester;

import java.util.Optional;

/** The guarded request's context, which the request guard leaves in HAPI's request user data. */
public final class Caller {
    private static final String CONTEXT_KEY = RequestContext.class.getName();

    private Caller() {
    }

    public static Optional<RequestContext> context(RequestDetails request) {
        Object context = request.getUserData().get(CONTEXT_KEY);
        return context instanceof RequestContext c ? Optional.of(c) : Optional.empty();
    }

    /** Who sent the request, for the command's audit trail. */
    public static Requester requester(RequestDetails request) {
        Requester.Builder r = Requester.newBuilder()
                .setTraceId(request.getHeader("Ssp-TraceID"))
                .setFromAsid(request.getHeader("Ssp-From"));
        context(request).ifPresent(c -> r
                .setOrganisationOds(c.requester().organisationOdsCode())
                .setPractitionerId(c.requester().practitionerId()));
        return r.build();
    }
}
