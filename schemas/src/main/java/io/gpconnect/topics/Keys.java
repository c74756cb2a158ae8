package io.gpconnect.topics;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Store keys. Record keys on every topic are the bare ODS code (so one practice maps to one partition); inside
 * a partition, stores hold several practices, so their keys start with the ODS code and a separator that
 * cannot occur in an ODS code or a FHIR id.
 */
public final class Keys {
    public static final char SEP = '|';

    private Keys() {
    }

    public static String of(String... parts) {
        return String.join(String.valueOf(SEP), parts);
    }

    // The common arities, without varargs' array and String.join's joiner: a decision builds several keys.
    public static String of(String a, String b) {
        return a + SEP + b;
    }

    public static String of(String a, String b, String c) {
        return a + SEP + b + SEP + c;
    }

    public static String of(String a, String b, String c, String d) {
        return a + SEP + b + SEP + c + SEP + d;
    }

    /** Zero-padded epoch milliseconds, so that string order is time order in range scans. */
    public static String time(Instant instant) {
        // Not String.format: it parses its pattern on every call, and the views build one of these per applied event.
        String digits = Long.toString(Math.max(0, instant.toEpochMilli()));
        return "0".repeat(Math.max(0, 15 - digits.length())) + digits;
    }

    /** The partition the default partitioner gives a practice's records, hence its stores' partition. */
    public static int partition(String ods, int partitions) {
        return Utils.toPositive(Utils.murmur2(ods.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The smallest key greater than every key that starts with {@code prefix + SEP}. */
    public static String prefixEnd(String prefix) {
        return prefix + (char) (SEP + 1);
    }
}
