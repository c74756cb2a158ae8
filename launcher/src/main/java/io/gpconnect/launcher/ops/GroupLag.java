package io.gpconnect.launcher.ops;

import io.gpconnect.launcher.operations.ConsumerLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A Streams application's total lag behind its input topics, from the group's committed offsets, as
 * `./gpconnect lag` shows it: what an alert on "decisions are falling behind" wants, where the consumer's own
 * records-lag-max only sees what the last fetch saw. Read at most every few seconds, however often scraped.
 */
final class GroupLag {
    private static final Logger log = LoggerFactory.getLogger(GroupLag.class);
    private static final long MAX_AGE_NANOS = Duration.ofSeconds(5).toNanos();

    private final ConsumerLag lag;
    private final String group;
    private double last = Double.NaN;
    private long readAt;

    GroupLag(ConsumerLag lag, String group) {
        this.lag = lag;
        this.group = group;
    }

    synchronized double total() {
        long now = System.nanoTime();
        if (Double.isNaN(last) || now - readAt > MAX_AGE_NANOS) {
            try {
                last = lag.total(group);
            } catch (RuntimeException e) {
                log.debug("Lag of {} not readable: {}", group, e.getMessage());
                last = Double.NaN; // a gap in the series, not a reassuring zero
            }
            readAt = now;
        }
        return last;
    }
}
