package io.gpconnect.launcher.seed;

/**
 * Some records of a batch did not reach gpc.practice.feed: Kafka did not answer in time, the registry refused the
 * schema, or the broker refused a record. {@link #published()} records of the batch were
 * acknowledged before the failure; the message says why the rest were not.
 */
public final class FeedNotPublishedException extends RuntimeException {
    private final int published;

    FeedNotPublishedException(int published, Throwable cause) {
        super(reason(cause), cause);
        this.published = published;
    }

    public int published() {
        return published;
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
