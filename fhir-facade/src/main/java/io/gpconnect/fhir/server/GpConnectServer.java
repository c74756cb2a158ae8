package io.gpconnect.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.gpconnect.fhir.access.PatientAccessInterceptor;
import io.gpconnect.fhir.body.BodySizeLimit;
import io.gpconnect.fhir.body.FhirBodies;
import io.gpconnect.fhir.body.RequestBodyInterceptor;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.GpConnectExceptionInterceptor;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.security.RequestGuard;
import io.gpconnect.fhir.routing.PracticeForwarding;
import io.gpconnect.fhir.security.RequestGuardInterceptor;
import io.gpconnect.fhir.readcache.CapturingResponse;
import io.gpconnect.fhir.readcache.RenderedReads;
import io.gpconnect.fhir.readcache.RenderedResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The HAPI plain server behind every practice's service root. Routing to a resource provider is HAPI's; what
 * GP Connect adds on top is here: the root in the path, no-store caching, media-type checks, the request
 * guard (headers, JWT) and Spine OperationOutcomes for every failure.
 */
public final class GpConnectServer extends RestfulServer {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<String> RELATIVE_PATH = new ThreadLocal<>();
    private static final Set<String> KNOWN_METHODS =
            java.util.Arrays.stream(RequestTypeEnum.values()).map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final transient Set<String> servedOds;
    private final transient MediaTypes mediaTypes = new MediaTypes();
    private final transient PracticeForwarding forwarding;
    private final transient Traffic traffic;
    private final transient RequestGuard guard;
    private final transient RenderedReads renderedReads;
    private final transient BodySizeLimit bodyLimit;

    public GpConnectServer(FhirContext fhir, Set<String> servedOds, List<IResourceProvider> providers,
                           Object capabilityStatement, RequestGuard guard, PracticeForwarding forwarding, Traffic traffic,
                           RenderedReads renderedReads, BodySizeLimit bodyLimit) {
        super(fhir);
        this.guard = guard;
        this.renderedReads = renderedReads;
        this.bodyLimit = bodyLimit;
        this.servedOds = Set.copyOf(servedOds);
        this.forwarding = forwarding;
        this.traffic = traffic;
        setResourceProviders(providers);
        setServerConformanceProvider(capabilityStatement);
        setTenantIdentificationStrategy(new ServiceRootTenants());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setETagSupport(ETagSupportEnum.ENABLED);
        registerInterceptor(new GpConnectExceptionInterceptor());
        registerInterceptor(new RequestGuardInterceptor(guard));
        registerInterceptor(new PatientAccessInterceptor());
        registerInterceptor(new RequestBodyInterceptor(new FhirBodies(fhir)));
    }

    @Override
    protected void handleRequest(RequestTypeEnum type, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String ods = null;
        try (RequestTrace trace = RequestTrace.begin(request)) {
            try {
                ods = serve(type, request, response);
            } finally {
                traffic.record(request, response, ods, System.nanoTime() - started);
            }
        }
    }

    /**
     * A method HAPI does not know (PROPFIND, a lower-case "get") would go to {@code HttpServlet}, which answers 501;
     * spec §6 calls a wrong verb 400 BAD_REQUEST.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!KNOWN_METHODS.contains(request.getMethod())) {
            response.setHeader("Cache-Control", "no-store");
            OperationOutcomeWriter.write(getFhirContext(), request, response, new GpConnectException(SpineCode.BAD_REQUEST,
                    "HTTP method " + echo(request.getMethod()) + " is not used by GP Connect"));
            return;
        }
        super.service(request, response);
    }

    private static String echo(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }

    /** Returns the practice the request was for, or null when it named none we serve. */
    private String serve(RequestTypeEnum type, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // Spec §1: every response, errors included, carries Cache-Control: no-store.
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<ServiceRoot> root = ServiceRoot.parse(path);
        if (root.isEmpty() || !servedOds.contains(root.get().ods())) {
            OperationOutcomeWriter.write(getFhirContext(), request, response, new GpConnectException(SpineCode.NO_RECORD_FOUND,
                    "No GP Connect service at " + path + "; service roots have the form /[ODS]/STU3/1/gpconnect"));
            return null;
        }
        String ods = root.get().ods();
        try {
            // Before anything reads the body, forwarding included: it is held in memory whole.
            request = bodyLimit.apply(request);
        } catch (GpConnectException e) {
            OperationOutcomeWriter.write(getFhirContext(), request, response, e);
            return ods;
        }
        try {
            if (forwarding != null && forwarding.forwardIfRemote(ods, request, response)) {
                return ods;
            }
        } catch (GpConnectException e) {
            OperationOutcomeWriter.write(getFhirContext(), request, response, e);
            return ods;
        } catch (IOException e) {
            OperationOutcomeWriter.write(getFhirContext(), request, response, new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, 503,
                    "The instance holding practice " + ods + " could not be reached; retry shortly"));
            return ods;
        }
        Optional<GpConnectException> unsupported = mediaTypes.check(request);
        if (unsupported.isPresent()) {
            OperationOutcomeWriter.write(getFhirContext(), request, response, unsupported.get());
            return ods;
        }
        request.setAttribute(ServiceRootTenants.ODS_ATTRIBUTE, ods);
        String relativePath = root.get().relativePath();
        Optional<RenderedReads.Key> key = renderedReads.keyFor(request, ods, relativePath);
        if (key.isPresent() && admitted(request, relativePath)) {
            Optional<RenderedResponse> kept = renderedReads.find(key.get());
            if (kept.isPresent()) {
                kept.get().writeTo(request.getHeader("X-Request-ID"), response);
                return ods;
            }
        }
        CapturingResponse capture = key.isPresent() ? new CapturingResponse(response) : null;
        RELATIVE_PATH.set(relativePath);
        try {
            super.handleRequest(type, request, new HapiResponse(capture != null ? capture : response));
        } finally {
            RELATIVE_PATH.remove();
        }
        if (capture != null) {
            capture.rendered(key.get().generation()).ifPresent(r -> renderedReads.keep(key.get(), r));
        }
        return ods;
    }

    /**
     * Whether the request guard lets the request through; when it does not, HAPI runs it again and answers the failure.
     * Only the guard runs for a kept response, not the patient-access checks inside HAPI: kept reads must stay ones
     * with no patient data (slot search, metadata), open to every requester. The accepted context is left on the
     * request, so that on a miss HAPI's guard interceptor takes it rather than checking the token a second time.
     */
    private boolean admitted(HttpServletRequest request, String relativePath) {
        try {
            RequestGuardInterceptor.admit(request, guard.check(request.getMethod(), relativePath, request::getHeader));
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** HAPI routes on the path below the service root. */
    @Override
    protected String getRequestPath(String requestFullPath, String servletContextPath, String servletPath) {
        String relative = RELATIVE_PATH.get();
        return relative != null ? relative : super.getRequestPath(requestFullPath, servletContextPath, servletPath);
    }

}
