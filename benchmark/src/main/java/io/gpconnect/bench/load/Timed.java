package io.gpconnect.bench.load;

import io.gpconnect.bench.http.HttpConnection;
import io.gpconnect.bench.http.HttpRequest;
import io.gpconnect.bench.http.HttpResponse;

import java.io.IOException;

/** One request, timed into its operation's statistics. */
public final class Timed {
    private Timed() {
    }

    /** The answer, or null when none came (recorded as an error). */
    public static HttpResponse exchange(OperationStats stats, HttpConnection connection, HttpRequest request, long startNanos) {
        try {
            HttpResponse r = connection.exchange(request);
            stats.record(startNanos, r.status());
            if (!stats.succeeded(r.status())) {
                stats.noteUnexpected(r.status(), r.text());
            }
            return r;
        } catch (IOException e) {
            stats.failed(startNanos);
            return null;
        }
    }
}
