package io.gpconnect.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * When workers start their next iteration, and when a run is over: bounded in both count and time, so every
 * run stops by itself.
 */
public abstract sealed class Pacing {
    protected final long endNanos;
    protected final long maxIterations;
    protected final AtomicLong issued = new AtomicLong();

    private Pacing(Duration duration, long maxIterations) {
        this.endNanos = System.nanoTime() + duration.toNanos();
        this.maxIterations = maxIterations;
    }

    /** The intended start of the next iteration, or -1 when the run is over. Blocks until that moment. */
    public abstract long next();

    /** As fast as the answers come back: each worker starts again as soon as it is answered. */
    public static Pacing closed(Duration duration, long maxIterations) {
        return new Closed(duration, maxIterations);
    }

    /** A fixed offered rate, whatever the answers do: the schedule of arrivals is set in advance. */
    public static Pacing open(double perSecond, Duration duration, long maxIterations) {
        return new Open(perSecond, duration, maxIterations);
    }

    private static final class Closed extends Pacing {
        Closed(Duration duration, long maxIterations) {
            super(duration, maxIterations);
        }

        @Override
        public long next() {
            long now = System.nanoTime();
            if (now >= endNanos || issued.getAndIncrement() >= maxIterations) {
                return -1;
            }
            return now;
        }
    }

    private static final class Open extends Pacing {
        private final long startNanos = System.nanoTime();
        private final double intervalNanos;

        Open(double perSecond, Duration duration, long maxIterations) {
            super(duration, maxIterations);
            this.intervalNanos = 1e9 / perSecond;
        }

        @Override
        public long next() {
            long ticket = issued.getAndIncrement();
            long at = startNanos + (long) (ticket * intervalNanos);
            if (ticket >= maxIterations || at >= endNanos) {
                return -1;
            }
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            return at;
        }
    }
}
