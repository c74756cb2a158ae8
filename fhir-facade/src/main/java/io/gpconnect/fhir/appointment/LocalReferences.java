package io.gpconnect.fhir.appointment;

import ca.uhn.fhir.context.FhirContext;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Spec §1: references SHALL be local relative references ({@code Patient/1}, or {@code #1} for a contained
 * resource); an absolute one is 422 INVALID_RESOURCE. Checked on a whole body, wherever the reference sits.
 */
final class LocalReferences {
    private static final String ID = BookingRequest.FHIR_ID.pattern();
    private static final Pattern LOCAL = Pattern.compile("[A-Z][A-Za-z]+/" + ID + "|#" + ID);

    private final FhirContext fhir;

    LocalReferences(FhirContext fhir) {
        this.fhir = fhir;
    }

    void require(IBaseResource resource) {
        for (Reference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String value = reference.getReference();
            if (value != null && !LOCAL.matcher(value).matches()) {
                throw new GpConnectException(SpineCode.INVALID_RESOURCE,
                        "References must be local and relative (Type/id or #id), not '" + value + "'");
            }
        }
    }
}
