package io.gpconnect.topics;

import java.util.List;
import java.util.Map;

/**
 * The catalogue of the engine's topics. Every one is keyed by the practice ODS code, so a practice's feed,
 * commands, decisions and views share a partition number: one writer per practice (docs/topics.md).
 */
public final class Topics {
    private Topics() {
    }

    /** Event logs are the source the views are rebuilt from, so they are kept for ever. */
    private static final Map<String, String> KEEP_FOREVER = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", "-1",
            "min.insync.replicas", "1");

    public static final Topic PRACTICE_FEED = new Topic("gpc.practice.feed",
            "Schedules, slots and directory data published by the practice's principal IT system", KEEP_FOREVER);

    public static final Topic APPOINTMENT_COMMANDS = new Topic("gpc.appointment.commands",
            "Book, amend and cancel requests awaiting a decision",
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 3600 * 1000),
                    "min.insync.replicas", "1"));

    public static final Topic APPOINTMENT_EVENTS = new Topic("gpc.appointment.events",
            "Every decision: booked, amended, cancelled, rejected (with reason)", KEEP_FOREVER);

    public static final Topic SLOT_AVAILABILITY = new Topic("gpc.slot.availability",
            "Each slot's state after every change, feeding the free-slot view", KEEP_FOREVER);

    /**
     * Records the engine could not read (undecodable bytes, unknown schema id, a payload whose schema cannot be
     * read as the topic's): they are set aside here, with the reason in the record headers, and processing
     * goes on. Not co-partitioned: nothing joins on it.
     */
    public static final Topic DEAD_LETTERS = new Topic("gpc.dead-letters",
            "Unreadable records set aside by the stream processors, with the reason in the headers",
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(30L * 24 * 3600 * 1000),
                    "min.insync.replicas", "1"));

    /** The co-partitioned topics: keyed by practice, equal partition counts. */
    public static List<Topic> all() {
        return List.of(PRACTICE_FEED, APPOINTMENT_COMMANDS, APPOINTMENT_EVENTS, SLOT_AVAILABILITY);
    }
}
