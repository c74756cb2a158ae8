package io.gpconnect.fhir.appointment;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.UkTime;
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
    private final LocalReferences references;

    public ChangeRequest(FhirContext fhir) {
        this.fhir = fhir;
        this.references = new LocalReferences(fhir);
    }

    public record Amendment(String description, String comment) {
    }

    public Amendment amendment(Appointment stored, Appointment sent) {
        references.require(sent);
        BookingRequest.requireProfileAndKnownModifiers(sent);
        if (stored.getStatus() == Appointment.AppointmentStatus.CANCELLED) {
            throw invalid("A cancelled appointment cannot be amended");
        }
        if (sent.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            throw invalid("status must stay 'booked' when amending; cancel with the cancel interaction");
        }
        if (!sent.getExtensionsByUrl(Profiles.EXT_CANCELLATION_REASON).isEmpty()) {
            throw invalid("A cancellation reason must not be sent when amending");
        }
        BookingRequest.checkTexts(sent);
        Appointment expected = stored.copy();
        expected.setDescription(sent.getDescription());
        expected.setComment(sent.hasComment() ? sent.getComment() : null);
        requireOnlyAllowedChanges(expected, sent, "amend may change only description and comment");
        return new Amendment(sent.getDescription(), sent.hasComment() ? sent.getComment() : null);
    }

    /** Returns the cancellation reason. */
    public String cancellation(Appointment stored, Appointment sent) {
        references.require(sent);
        BookingRequest.requireProfileAndKnownModifiers(sent);
        List<Extension> reasons = sent.getExtensionsByUrl(Profiles.EXT_CANCELLATION_REASON);
        if (reasons.isEmpty()) {
            boolean misnamed = sent.getExtension().stream()
                    .anyMatch(e -> e.getUrl() == null || e.getUrl().isBlank() || e.getUrl().toLowerCase().contains("cancellation"));
            if (misnamed) {
                throw invalid("The cancellation reason extension must have the url " + Profiles.EXT_CANCELLATION_REASON);
            }
            throw missingReason("A cancellation reason is required");
        }
        if (reasons.size() > 1) {
            throw invalid("Only one cancellation reason may be sent");
        }
        // An extension without a value (or with an empty one) is a reason not given: the suite's
        // empty-reason case expects INVALID_PARAMETER (spec §5.3).
        Extension reasonExtension = reasons.get(0);
        if (!reasonExtension.hasValue() || reasonExtension.getValue().isEmpty()) {
            throw missingReason("The cancellation reason must not be empty");
        }
        if (!(reasonExtension.getValue() instanceof StringType reason)) {
            throw invalid("The cancellation reason must be a valueString");
        }
        if (reason.getValue().isBlank()) {
            throw missingReason("The cancellation reason must not be empty");
        }
        if (sent.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
            throw invalid("status must be 'cancelled' to cancel");
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
            throw invalid("Only permitted changes may be made: " + rule);
        }
    }

    private static GpConnectException invalid(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_RESOURCE, diagnostics);
    }

    private static GpConnectException missingReason(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_PARAMETER, diagnostics);
    }

    /**
     * The appointment without what the comparison ignores: metadata, narrative, the provider-owned service
     * texts, and how a time is written (a consumer may send back 09:00:00+01:00 as 08:00:00Z).
     */
    private String canonical(Appointment a) {
        Appointment c = a.copy();
        if (c.hasStart()) {
            c.setStartElement(UkTime.instant(c.getStart().toInstant()));
        }
        if (c.hasEnd()) {
            c.setEndElement(UkTime.instant(c.getEnd().toInstant()));
        }
        if (c.hasCreated()) {
            c.setCreatedElement(UkTime.dateTime(c.getCreated().toInstant()));
        }
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
