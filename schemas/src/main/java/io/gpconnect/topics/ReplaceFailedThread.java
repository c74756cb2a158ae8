package io.gpconnect.topics;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Streams application does when a stream thread dies of an error no record handler caught (a broker
 * unreachable past every timeout, say): start a fresh thread, which resumes from the last committed offsets.
 * Kafka's default shuts the whole client down, which would leave the service answering 503 until someone
 * restarted it. Unreadable and unprocessable records never get here: they go to the dead-letter topic.
 */
public final class ReplaceFailedThread implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ReplaceFailedThread.class);
    private final String application;

    public ReplaceFailedThread(String application) {
        this.application = application;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        log.error("A stream thread of {} failed; replacing it", application, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
