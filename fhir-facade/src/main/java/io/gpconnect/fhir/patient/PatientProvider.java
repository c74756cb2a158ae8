package io.gpconnect.fhir.patient;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import io.gpconnect.fhir.access.PatientAccess;
import io.gpconnect.fhir.appointment.AppointmentMapper;
import io.gpconnect.fhir.body.RequestBodies;
import io.gpconnect.fhir.directory.Directory;
import io.gpconnect.fhir.directory.IdentifierSearch;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.server.Caller;
import io.gpconnect.fhir.server.Practice;
import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.SearchBundles;
import io.gpconnect.fhir.support.UkTime;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.store.ViewQueries;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** F2 find, F3 read and F4 register a patient, A3 retrieve a patient's appointments. */
public final class PatientProvider implements IResourceProvider {
    private final Directory directory;
    private final ViewQueries views;
    private final PatientRegistration registration;
    private final Clock clock;
    private final PatientAccess access;

    public PatientProvider(Directory directory, ViewQueries views, PatientRegistration registration, Clock clock,
                           PatientAccess access) {
        this.directory = directory;
        this.views = views;
        this.registration = registration;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id, RequestDetails request) {
        String ods = Practice.ods(request);
        PatientPublished p = visible(ods, id.getIdPart())
                .orElseThrow(() -> new GpConnectException(SpineCode.PATIENT_NOT_FOUND, "No patient with id '" + id.getIdPart() + "'"));
        access.requireOwnPatient(request, ods, id.getIdPart());
        return PatientMapper.toFhir(p, practiceOrganisationId(ods));
    }

    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails request) {
        IdentifierSearch search = IdentifierSearch.parse(request.getParameters(), Profiles.NHS_NUMBER);
        if (!NhsNumber.isValid(search.value())) {
            throw new GpConnectException(SpineCode.INVALID_NHS_NUMBER, "'" + search.value() + "' is not a valid NHS number");
        }
        access.requireOwnNhsNumber(request, search.value());
        String ods = Practice.ods(request);
        List<Patient> found = directory.patientByNhsNumber(ods, search.value())
                .filter(PatientProvider::findable)
                .map(p -> PatientMapper.toFhir(p, practiceOrganisationId(ods)))
                .stream().toList();
        return SearchBundles.of(request, found);
    }

    @Search(compartmentName = "Appointment", allowUnknownParams = true)
    public Bundle appointments(@IdParam IdType patientId, RequestDetails request) {
        String ods = Practice.ods(request);
        if (visible(ods, patientId.getIdPart()).isEmpty()) {
            throw new GpConnectException(SpineCode.PATIENT_NOT_FOUND, "No patient with id '" + patientId.getIdPart() + "'");
        }
        access.requireOwnPatient(request, ods, patientId.getIdPart());
        AppointmentRange range = AppointmentRange.parse(request.getParameters(), LocalDate.now(clock.withZone(UkTime.ZONE)));
        return SearchBundles.of(request, views.patientAppointments(ods, patientId.getIdPart(), range.fromInstant(), range.toInstantExclusive())
                .stream().map(AppointmentMapper::toFhir).toList());
    }

    /** HAPI binds the body with a {@code @ResourceParam}; it was parsed before, strictly (RequestBodies). */
    @Operation(name = "$gpc.registerpatient", idempotent = false)
    public Bundle register(@ca.uhn.fhir.rest.annotation.ResourceParam Parameters ignored, RequestDetails request) {
        Parameters body = RequestBodies.of(request, Parameters.class);
        var command = RegistrationRequest.toCommand(body, PatientRegistration.newPatientId());
        String ods = Practice.ods(request);
        PatientPublished registered = registration.register(ods, command, Caller.requester(request));
        return SearchBundles.of(request, List.of(PatientMapper.toFhir(registered, practiceOrganisationId(ods))));
    }

    /** Sensitive patients are answered as not found (spec §2.2, §5.6). */
    private Optional<PatientPublished> visible(String ods, String id) {
        return directory.patient(ods, id).filter(p -> !p.getSensitive());
    }

    /** Spec §2.2 F2: deceased, invalid, sensitive and superseded patients are left out of a search. */
    private static boolean findable(PatientPublished p) {
        return p.getActive() && !p.getSensitive() && !p.getDeceased() && !p.getSuperseded();
    }

    private String practiceOrganisationId(String ods) {
        return directory.organisationByOdsCode(ods, ods).map(o -> o.getId()).orElse(null);
    }
}
