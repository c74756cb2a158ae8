package io.gpconnect.bench.load;

import io.gpconnect.bench.http.HttpConnection;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an {@link Action} on a fixed set of workers, each with its own keep-alive connection, until the pacing
 * says stop. Connections outlive a run, so the measured run reuses the warm-up's.
 */
public final class LoadRun implements AutoCloseable {
    private final List<HttpConnection> connections = new ArrayList<>();

    public LoadRun(URI base, int workers) {
        for (int i = 0; i < workers; i++) {
            connections.add(new HttpConnection(base));
        }
    }

    public int workers() {
        return connections.size();
    }

    /** Runs to the end of the pacing; an action's unexpected exception ends the run and is rethrown. */
    public void run(Supplier<Pacing> pacingFactory, Action action) throws InterruptedException {
        Pacing pacing = pacingFactory.get();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (HttpConnection c : connections) {
            Thread t = new Thread(() -> work(c, pacing, action, broken), "bench-worker-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (broken.get() != null) {
            throw new IllegalStateException("A load worker failed: " + broken.get(), broken.get());
        }
    }

    private static void work(HttpConnection c, Pacing pacing, Action action, AtomicReference<Throwable> broken) {
        for (long start = pacing.next(); start >= 0 && broken.get() == null; start = pacing.next()) {
            try {
                action.perform(c, start);
            } catch (Exception e) {
                broken.compareAndSet(null, e);
            }
        }
    }

    @Override
    public void close() {
        connections.forEach(HttpConnection::close);
    }
}
