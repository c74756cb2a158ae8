package io.gpconnect.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;

/** The practice a request addresses: the ODS code of its service root, which HAPI holds as the tenant id. */
public final class Practice {
    private Practice() {
    }

    public static String ods(RequestDetails request) {
        return request.getTenantId();
    }
}
