package io.gpconnect.fhir.appointment;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.support.Profiles;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.StringType;

import java.util.Comparator;
import java.util.List;

/**
 * Amend and cancel send the whole appointment back (spec §5.2, §5.3). Only description and comment (amend)
 * or status and cancellation reason (cancel) may differ from what we hold; we check that by applying the
 * allowed change to our own copy and comparing the two, element for element.
 */
public final class ChangeRequest {
    private final FhirContext fhir;

    public ChangeRequest(FhirContext fhir) {
        this.fhir = fhir;
    }

    public record Amendment(String description, String comment) {
    }

    public Amendment amendment(Appointment stored, Appointment sent) {
        BookingRequest.checkTexts(sent);
        Appointment expected = stored.copy();
        expected.setDescription(sent.getDescription());
        expected.setComment(sent.hasComment() ? sent.getComment() : null);
        requireOnlyAllowedChanges(expected, sent, "amend may change only description and comment");
        return new Amendment(sent.getDescription(), sent.hasComment() ? sent.getComment() : null);
    }

    /** Returns the cancellation reason. */
    public String cancellation(Appointment stored, Appointment sent) {
        List<Extension> reasons = sent.getExtensionsByUrl(Profiles.EXT_CANCELLATION_REASON);
        if (reasons.isEmpty()) {
            boolean misnamed = sent.getExtension().stream()
                    .anyMatch(e -> e.getUrl() == null || e.getUrl().isBlank() || e.getUrl().toLowerCase().contains("cancellation"));
            if (misnamed) {
                throw new GpConnectException(SpineCode.INVALID_RESOURCE,
                        "The cancellation reason extension must have the url " + Profiles.EXT_CANCELLATION_REASON);
            }
            throw new GpConnectException(SpineCode.INVALID_PARAMETER, "A cancellation reason is required");
        }
        if (reasons.size() > 1 || !(reasons.get(0).getValue() instanceof StringType reason)) {
            throw new GpConnectException(SpineCode.INVALID_RESOURCE, "Exactly one cancellation reason with a valueString is required");
        }
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            throw new GpConnectException(SpineCode.INVALID_PARAMETER, "The cancellation reason must not be empty");
        }
        if (sent.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
            throw new GpConnectException(SpineCode.INVALID_RESOURCE, "status must be 'cancelled' to cancel");
        }
        Appointment expected = stored.copy();
        expected.setStatus(Appointment.AppointmentStatus.CANCELLED);
        expected.getExtension().removeIf(e -> Profiles.EXT_CANCELLATION_REASON.equals(e.getUrl()));
        expected.addExtension(Profiles.EXT_CANCELLATION_REASON, new StringType(reason.getValue()));
        requireOnlyAllowedChanges(expected, sent, "cancel may change only the status and the cancellation reason");
        return reason.getValue();
    }

    private void requireOnlyAllowedChanges(Appointment expected, Appointment sent, String rule) {
        String want = canonical(expected);
        String got = canonical(sent);
        if (!want.equals(got)) {
            throw new GpConnectException(SpineCode.INVALID_RESOURCE, "Only permitted changes may be made: " + rule);
        }
    }

    /** The appointment without what the comparison ignores: metadata, narrative, and the provider-owned service texts. */
    private String canonical(Appointment a) {
        Appointment c = a.copy();
        c.setMeta(null);
        c.setText(null);
        c.setServiceCategory(null);
        c.setServiceType(null);
        c.setIdElement(null);
        c.getExtension().sort(Comparator.comparing(Extension::getUrl, Comparator.nullsFirst(Comparator.naturalOrder())));
        c.getContained().forEach(r -> r.setMeta(null));
        IParser parser = fhir.newJsonParser();
        return parser.encodeResourceToString(c);
    }
}
