package io.gpconnect.fhir.directory;

import io.gpconnect.schemas.feed.LocationPublished;
import io.gpconnect.schemas.feed.OrganisationPublished;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.schemas.feed.PractitionerPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.store.ViewQueries;
import io.gpconnect.store.directory.DirectoryView;

import java.util.List;
import java.util.Optional;

/** Typed lookups in the practice directory view. */
public final class Directory {
    private final ViewQueries views;

    public Directory(ViewQueries views) {
        this.views = views;
    }

    public Optional<OrganisationPublished> organisation(String ods, String id) {
        return get(DirectoryView.byId(ods, "Organization", id), ods, OrganisationPublished.class);
    }

    public Optional<OrganisationPublished> organisationByOdsCode(String ods, String odsCode) {
        return get(DirectoryView.byOdsCode(ods, odsCode), ods, OrganisationPublished.class);
    }

    public Optional<LocationPublished> location(String ods, String id) {
        return get(DirectoryView.byId(ods, "Location", id), ods, LocationPublished.class);
    }

    /** The practice's locations in id order. */
    public List<LocationPublished> locations(String ods) {
        return views.directoryEntries(DirectoryView.ofType(ods, "Location"), ods).stream().map(PracticeFeedRecord::getChange)
                .filter(LocationPublished.class::isInstance).map(LocationPublished.class::cast).toList();
    }

    public Optional<PractitionerPublished> practitioner(String ods, String id) {
        return get(DirectoryView.byId(ods, "Practitioner", id), ods, PractitionerPublished.class);
    }

    public Optional<PractitionerPublished> practitionerBySdsUserId(String ods, String sdsUserId) {
        return get(DirectoryView.bySdsUserId(ods, sdsUserId), ods, PractitionerPublished.class);
    }

    public Optional<PatientPublished> patient(String ods, String id) {
        return get(DirectoryView.byId(ods, "Patient", id), ods, PatientPublished.class);
    }

    public Optional<PatientPublished> patientByNhsNumber(String ods, String nhsNumber) {
        return get(DirectoryView.byNhsNumber(ods, nhsNumber), ods, PatientPublished.class);
    }

    public Optional<SchedulePublished> schedule(String ods, String id) {
        return get(DirectoryView.byId(ods, "Schedule", id), ods, SchedulePublished.class);
    }

    private <T> Optional<T> get(String key, String ods, Class<T> type) {
        return views.directory(key, ods).map(PracticeFeedRecord::getChange).filter(type::isInstance).map(type::cast);
    }
}
