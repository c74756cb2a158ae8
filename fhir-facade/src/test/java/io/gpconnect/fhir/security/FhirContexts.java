package io.gpconnect.fhir.security;

import ca.uhn.fhir.context.FhirContext;

/** One STU3 context for all tests: building it takes seconds. */
public final class FhirContexts {

    public static final FhirContext DSTU3 = FhirContext.forDstu3();

    private FhirContexts() {
    }
}
