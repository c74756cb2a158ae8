package io.gpconnect.fhir.body;

import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * HAPI's strict handler (unknown elements are invalid, spec §5.1), except that an empty value counts as an
 * absent one. Which absent elements matter is a business rule with its own Spine code: an empty cancellation
 * reason is 422 INVALID_PARAMETER (§5.3), not an invalid resource.
 */
final class StrictBodyErrors extends StrictErrorHandler {
    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        if (value == null || value.isEmpty()) {
            return;
        }
        super.invalidValue(location, value, error);
    }
}
