package io.gpconnect.commands;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where a command's wait went, stage by stage, as the instance that sent it saw it. The stages follow one another,
 * so a slow answer shows which of them was slow. Each is null when the command did not reach it (a timeout, a
 * send the broker refused, an event from before decidedAt existed).
 *
 * <p>{@code queued} and {@code published} compare the processor's clock (the event's decidedAt, in milliseconds)
 * with this instance's (issuedAt, the moment the views answered): exact to the millisecond when both run in one
 * process, as under {@code ./gpconnect serve}; across machines off by their clock skew, so a decision that seems to
 * come before its command, or after its answer, gives no span rather than a wrong one.
 *
 * @param appended  sent → the broker acknowledged the command
 * @param queued    acknowledged → the processor decided it (waiting in the topic, fetched, decided); zero when the
 *                  decision came before the acknowledgement reached this instance
 * @param published decided → the views held the decision (the transaction's commit, then the views' fetch and apply)
 * @param answered  sent → the requester's wait ended, whatever ended it
 */
public record CommandTiming(Duration appended, Duration queued, Duration published, Duration answered) {

    static CommandTiming of(Instant issuedAt, Duration appended, Instant decidedAt, Instant visibleAt, Duration answered) {
        Duration queued = null;
        Duration published = null;
        if (decidedAt != null) {
            Duration untilDecided = Duration.between(issuedAt.truncatedTo(ChronoUnit.MILLIS), decidedAt);
            if (appended != null && !untilDecided.isNegative()) {
                queued = untilDecided.compareTo(appended) > 0 ? untilDecided.minus(appended) : Duration.ZERO;
            }
            if (visibleAt != null && !visibleAt.isBefore(decidedAt)) {
                published = Duration.between(decidedAt, visibleAt);
            }
        }
        return new CommandTiming(appended, queued, published, answered);
    }
}
