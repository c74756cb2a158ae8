package io.gpconnect.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How far ahead appointments were booked: from the booking decision to the appointment's start. */
public record LeadTime(Duration mean, Duration median) {

    /** Empty when nothing was booked: a mean of no bookings would be a made-up zero. */
    static Optional<LeadTime> of(List<Duration> leadTimes) {
        if (leadTimes.isEmpty()) {
            return Optional.empty();
        }
        long[] millis = leadTimes.stream().mapToLong(Duration::toMillis).sorted().toArray();
        long sum = 0;
        for (long m : millis) {
            sum += m;
        }
        int middle = millis.length / 2;
        long median = millis.length % 2 == 1 ? millis[middle] : (millis[middle - 1] + millis[middle]) / 2;
        return Optional.of(new LeadTime(Duration.ofMillis(sum / millis.length), Duration.ofMillis(median)));
    }
}
