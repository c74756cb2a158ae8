package io.gpconnect.fhir.patient;

import io.gpconnect.commands.CommandGateway;
import io.gpconnect.fhir.directory.Directory;
import io.gpconnect.fhir.engine.EngineDecisions;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.command.RegisterPatient;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.PatientRegistered;
import io.gpconnect.schemas.event.PatientRegistrationRejected;
import io.gpconnect.schemas.event.RegistrationRejectionReason;
import io.gpconnect.schemas.feed.LocationPublished;
import io.gpconnect.schemas.feed.PatientPublished;

import java.time.Clock;
import java.util.UUID;

/**
 * F4 Register a patient goes to the engine as a command: the practice's single writer decides it against the
 * patients it holds, so two racing registrations of one NHS number cannot both succeed.
 */
public final class PatientRegistration {
    private final EngineDecisions decisions;
    private final Directory directory;

    public PatientRegistration(CommandGateway gateway, Directory directory, Clock clock) {
        this.decisions = new EngineDecisions(gateway, clock);
        this.directory = directory;
    }

    public PatientPublished register(String ods, RegisterPatient command, Requester requester) {
        // A patient new to the practice is registered at its first surgery; a returning one keeps theirs.
        RegisterPatient withBranch = RegisterPatient.newBuilder(command)
                .setPreferredBranchLocationId(directory.locations(ods).stream().findFirst().map(LocationPublished::getId).orElse(null))
                .build();
        AppointmentEvent event = decisions.decide(ods, withBranch, requester, "Find the patient before retrying.");
        if (event.getEvent() instanceof PatientRegistered registered) {
            return registered.getPatient();
        }
        if (event.getEvent() instanceof PatientRegistrationRejected rejected) {
            throw new GpConnectException(spineCode(rejected.getReason()), rejected.getDiagnostics());
        }
        throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "The engine answered a registration with " + event.getEvent());
    }

    public static String newPatientId() {
        return UUID.randomUUID().toString();
    }

    /** Spec §6: PDS refusals are INVALID_PATIENT_DEMOGRAPHICS, a superseded number INVALID_NHS_NUMBER. */
    static SpineCode spineCode(RegistrationRejectionReason reason) {
        return switch (reason) {
            case PATIENT_ALREADY_REGISTERED -> SpineCode.DUPLICATE_REJECTED;
            case NHS_NUMBER_SUPERSEDED -> SpineCode.INVALID_NHS_NUMBER;
            case PATIENT_SENSITIVE, PATIENT_DECEASED, PATIENT_NOT_ON_SPINE, DEMOGRAPHICS_MISMATCH -> SpineCode.INVALID_PATIENT_DEMOGRAPHICS;
        };
    }
}
