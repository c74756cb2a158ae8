package io.gpconnect.store;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.store.appointments.AppointmentView;
import io.gpconnect.store.directory.DirectoryView;
import io.gpconnect.store.slots.SlotView;
import io.gpconnect.topics.Keys;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Interactive queries over the views. Every view is partitioned by practice ODS code, so a query goes to the
 * one partition that holds the practice.
 */
public final class ViewQueries {
    private static final long RETRY_FOR_MS = 10_000;

    private final KafkaStreams streams;
    private final int partitions;
    private final ViewChanges changes;

    public ViewQueries(KafkaStreams streams, int partitions, ViewChanges changes) {
        this.streams = streams;
        this.partitions = partitions;
        this.changes = changes;
    }

    /** How many changes this instance's views have applied for the practice: equal generations, equal answers. */
    public long generation(String ods) {
        return changes.generation(ods);
    }

    public Optional<Appointment> appointment(String ods, String id) {
        return Optional.ofNullable(this.<Appointment, Appointment>query(AppointmentView.BY_ID, ods, s -> s.get(Keys.of(ods, id))));
    }

    /** The patient's appointments starting in [from, to). */
    public List<Appointment> patientAppointments(String ods, String patientId, Instant from, Instant to) {
        String prefix = Keys.of(ods, patientId);
        return range(AppointmentView.BY_PATIENT, ods, Keys.of(prefix, Keys.time(from)), Keys.of(prefix, Keys.time(to)), a -> true);
    }

    /** Free, bookable slots lying entirely within [from, to]. */
    public List<SlotState> freeSlots(String ods, Instant from, Instant to) {
        return range(SlotView.FREE_BY_START, ods, Keys.of(ods, Keys.time(from)), Keys.of(ods, Keys.time(to.plusMillis(1))),
                s -> !s.getEnd().isAfter(to));
    }

    public Optional<PracticeFeedRecord> directory(String key, String ods) {
        return Optional.ofNullable(this.<PracticeFeedRecord, PracticeFeedRecord>query(DirectoryView.STORE, ods, s -> s.get(key)));
    }

    /** The directory entries whose keys start with {@code prefix} and the separator, in key order. */
    public List<PracticeFeedRecord> directoryEntries(String prefix, String ods) {
        return range(DirectoryView.STORE, ods, prefix + Keys.SEP, Keys.prefixEnd(prefix), r -> true);
    }

    private <T> List<T> range(String storeName, String ods, String fromKey, String toKeyExclusive, Predicate<T> keep) {
        return this.<T, List<T>>query(storeName, ods, store -> {
            List<T> out = new ArrayList<>();
            try (KeyValueIterator<String, T> it = store.range(fromKey, toKeyExclusive)) {
                while (it.hasNext()) {
                    var kv = it.next();
                    if (kv.key.compareTo(toKeyExclusive) < 0 && keep.test(kv.value)) {
                        out.add(kv.value);
                    }
                }
            }
            return out;
        });
    }

    /**
     * Runs a read on the practice's partition of a view, retrying while Kafka Streams cannot serve it
     * (starting, restoring, rebalancing): a short wait beats a failed request.
     */
    private <T, R> R query(String name, String ods, Function<ReadOnlyKeyValueStore<String, T>, R> read) {
        long deadline = System.currentTimeMillis() + RETRY_FOR_MS;
        while (true) {
            try {
                return read.apply(streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, T>keyValueStore())
                        .withPartition(Keys.partition(ods, partitions))));
            } catch (InvalidStateStoreException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new ViewUnavailableException("View " + name + " is not available: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ViewUnavailableException("Interrupted", ie);
                }
            }
        }
    }
}
