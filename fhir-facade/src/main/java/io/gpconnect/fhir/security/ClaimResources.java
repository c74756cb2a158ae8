package io.gpconnect.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.util.Map;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Parses the FHIR resources carried in the {@code requesting_*} claims. A claim that is present but is
 * not a valid STU3 resource of the expected type is 422 INVALID_RESOURCE, as the assurance suite
 * expects (spec §3.1, §11.3); an unknown element counts as invalid, hence the strict parser.
 */
final class ClaimResources {

    private final FhirContext dstu3;

    ClaimResources(FhirContext dstu3) {
        this.dstu3 = dstu3;
    }

    <T extends Resource> T parse(String claim, Map<String, Object> json, Class<T> expectedType) {
        IBaseResource parsed;
        try {
            // HAPI parsers are not thread-safe; a fresh one is cheap next to the shared context.
            IParser parser = dstu3.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            parsed = parser.parseResource(JSONObjectUtils.toJSONString(json));
        } catch (RuntimeException e) {
            throw invalid(claim, "is not a valid FHIR STU3 resource: " + e.getMessage());
        }
        if (!expectedType.isInstance(parsed)) {
            throw invalid(claim, "must be a " + expectedType.getSimpleName() + " resource but is a "
                    + parsed.getClass().getSimpleName());
        }
        return expectedType.cast(parsed);
    }

    private static GpConnectException invalid(String claim, String problem) {
        return new GpConnectException(SpineCode.INVALID_RESOURCE, "JWT claim " + claim + " " + problem);
    }
}
