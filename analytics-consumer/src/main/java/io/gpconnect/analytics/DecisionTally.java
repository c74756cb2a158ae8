package io.gpconnect.analytics;

import io.gpconnect.schemas.event.RejectionReason;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The decisions the engine took for one practice on one day, as they arrive. */
final class DecisionTally {
    private int booked;
    private int amended;
    private int cancelled;
    private final Map<RejectionReason, Integer> rejected = new EnumMap<>(RejectionReason.class);
    private final List<Duration> leadTimes = new ArrayList<>();

    void addBooking(Duration leadTime) {
        booked++;
        leadTimes.add(leadTime);
    }

    void addAmendment() {
        amended++;
    }

    void addCancellation() {
        cancelled++;
    }

    void addRejection(RejectionReason reason) {
        rejected.merge(reason, 1, Integer::sum);
    }

    int booked() {
        return booked;
    }

    int amended() {
        return amended;
    }

    int cancelled() {
        return cancelled;
    }

    Map<RejectionReason, Integer> rejectedByReason() {
        return new EnumMap<>(rejected);
    }

    List<Duration> leadTimes() {
        return List.copyOf(leadTimes);
    }
}
