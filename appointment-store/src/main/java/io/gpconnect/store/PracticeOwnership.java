package io.gpconnect.store;

import io.gpconnect.store.appointments.AppointmentView;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.util.Optional;

/**
 * Which instance holds a practice's views. With several instances the practice partitions are spread over
 * them; a request for a practice held elsewhere must go to that instance, or it would find nothing.
 */
public final class PracticeOwnership {
    private final KafkaStreams streams;
    private final HostInfo self;

    public PracticeOwnership(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** The other instance ("host:port") that holds the practice's views, or empty when it is this one or not yet known. */
    public Optional<String> remoteOwner(String ods) {
        if (self == null) {
            return Optional.empty();
        }
        KeyQueryMetadata md = streams.queryMetadataForKey(AppointmentView.BY_ID, ods, Serdes.String().serializer());
        if (md == null || md.equals(KeyQueryMetadata.NOT_AVAILABLE) || md.activeHost() == null || md.activeHost().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(md.activeHost().host() + ":" + md.activeHost().port());
    }
}
