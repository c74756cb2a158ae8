package io.gpconnect.store.directory;

import io.gpconnect.schemas.feed.LocationPublished;
import io.gpconnect.schemas.feed.OrganisationPublished;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.schemas.feed.PractitionerPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.topics.Keys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The practice directory as the facade reads it: organisations, locations, practitioners, patients and
 * schedules by id, and by the business identifiers consumers search with (ODS code, SDS user id, NHS number).
 */
public final class DirectoryView implements Processor<String, PracticeFeedRecord, Void, Void> {
    public static final String STORE = "directory";

    private KeyValueStore<String, PracticeFeedRecord> directory;

    public static String byId(String ods, String type, String id) {
        return Keys.of(ods, type, id);
    }

    /** The prefix of every {@link #byId} key of one resource type. */
    public static String ofType(String ods, String type) {
        return Keys.of(ods, type);
    }

    public static String byOdsCode(String ods, String odsCode) {
        return Keys.of(ods, "ods-code", odsCode);
    }

    public static String bySdsUserId(String ods, String sdsUserId) {
        return Keys.of(ods, "sds-user-id", sdsUserId);
    }

    public static String byNhsNumber(String ods, String nhsNumber) {
        return Keys.of(ods, "nhs-number", nhsNumber);
    }

    static void putPatient(KeyValueStore<String, PracticeFeedRecord> directory, String ods, PracticeFeedRecord entry,
                           PatientPublished patient) {
        directory.put(byId(ods, "Patient", patient.getId()), entry);
        directory.put(byNhsNumber(ods, patient.getNhsNumber()), entry);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        directory = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, PracticeFeedRecord> record) {
        String ods = record.key();
        PracticeFeedRecord value = record.value();
        if (ods == null || value == null) {
            return;
        }
        Object change = value.getChange();
        if (change instanceof OrganisationPublished o) {
            directory.put(byId(ods, "Organization", o.getId()), value);
            directory.put(byOdsCode(ods, o.getOdsCode()), value);
        } else if (change instanceof LocationPublished l) {
            directory.put(byId(ods, "Location", l.getId()), value);
        } else if (change instanceof PractitionerPublished p) {
            directory.put(byId(ods, "Practitioner", p.getId()), value);
            directory.put(bySdsUserId(ods, p.getSdsUserId()), value);
        } else if (change instanceof PatientPublished p) {
            putPatient(directory, ods, value, p);
        } else if (change instanceof SchedulePublished s) {
            directory.put(byId(ods, "Schedule", s.getId()), value);
        }
    }
}
