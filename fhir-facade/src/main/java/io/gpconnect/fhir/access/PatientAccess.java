package io.gpconnect.fhir.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.gpconnect.fhir.directory.Directory;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.security.RequestContext;
import io.gpconnect.fhir.security.Requester;
import io.gpconnect.fhir.server.Caller;
import io.gpconnect.schemas.feed.PatientPublished;
import java.util.Optional;

/**
 * A patient-facing token reaches only its own patient's record: the patient it names by NHS number. Anyone
 * else's record is 403 ACCESS_DENIED (spec §6: access refused). Clinician tokens pass unchanged: GP Connect gives
 * a clinician the whole appointment book (spec §5.6).
 *
 * <p>Each check runs after the resource was found, so an id that exists for nobody is still the interaction's
 * 404, as for a clinician.
 */
public final class PatientAccess {
    private final Directory directory;

    public PatientAccess(Directory directory) {
        this.directory = directory;
    }

    /** The request may act on the practice's patient with this logical id. */
    public void requireOwnPatient(RequestDetails request, String ods, String patientId) {
        Optional<String> nhsNumber = patientNhsNumber(request);
        if (nhsNumber.isEmpty()) {
            return;
        }
        boolean own = directory.patient(ods, patientId).map(PatientPublished::getNhsNumber)
                .filter(nhsNumber.get()::equals).isPresent();
        if (!own) {
            throw denied();
        }
    }

    /** The request may look up the patient with this NHS number. */
    public void requireOwnNhsNumber(RequestDetails request, String nhsNumber) {
        Optional<String> own = patientNhsNumber(request);
        if (own.isPresent() && !own.get().equals(nhsNumber)) {
            throw denied();
        }
    }

    /** Before any resource logic: interactions no patient-facing token may use. */
    static void requireOpen(RequestContext context) {
        if (context.requester().patientFacing() && !PatientFacingInteractions.open(context.interaction())) {
            throw new GpConnectException(SpineCode.ACCESS_DENIED,
                    context.interaction().interactionId() + " is not available to patient-facing applications");
        }
    }

    private static Optional<String> patientNhsNumber(RequestDetails request) {
        return Caller.context(request).map(RequestContext::requester).flatMap(Requester::patientNhsNumber);
    }

    private static GpConnectException denied() {
        return new GpConnectException(SpineCode.ACCESS_DENIED,
                "A patient-facing application may only reach the record of the patient it acts for");
    }
}
