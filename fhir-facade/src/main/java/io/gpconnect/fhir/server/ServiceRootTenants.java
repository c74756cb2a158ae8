package io.gpconnect.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.rest.server.tenant.ITenantIdentificationStrategy;
import ca.uhn.fhir.util.UrlPathTokenizer;

/**
 * Each practice's service root is a HAPI tenant: {@link GpConnectServer} has already cut the root off the
 * path and noted the ODS code on the request; here it becomes the tenant id, and base URLs (Location
 * headers) get the root back.
 */
final class ServiceRootTenants implements ITenantIdentificationStrategy {
    static final String ODS_ATTRIBUTE = "io.gpconnect.fhir.ods";

    @Override
    public void extractTenant(UrlPathTokenizer tokens, RequestDetails request) {
        if (request instanceof ServletRequestDetails servlet) {
            Object ods = servlet.getServletRequest().getAttribute(ODS_ATTRIBUTE);
            if (ods != null) {
                request.setTenantId(ods.toString());
            }
        }
    }

    @Override
    public String massageServerBaseUrl(String base, RequestDetails request) {
        return request.getTenantId() == null ? base : base + ServiceRoot.path(request.getTenantId());
    }

    @Override
    public String resolveRelativeUrl(String relativeUrl, RequestDetails request) {
        return relativeUrl;
    }
}
