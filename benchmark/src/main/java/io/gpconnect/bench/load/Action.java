package io.gpconnect.bench.load;

import io.gpconnect.bench.http.HttpConnection;

/** What a load worker does once: one request, or one whole journey; it records its own operations. */
@FunctionalInterface
public interface Action {
    /**
     * @param startNanos when this iteration was meant to start; latency counts from here, so time spent
     *                   queued behind a slow answer is not hidden (no coordinated omission)
     */
    void perform(HttpConnection connection, long startNanos) throws Exception;
}
