package io.gpconnect.bench.phase;

import io.gpconnect.bench.http.HttpRequest;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.load.OperationStats;
import io.gpconnect.bench.load.Timed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/** The same read request again and again, closed loop: the metadata baseline and the slot searches. */
public final class RequestPhase implements Phase {
    private final String name;
    private final Function<BenchContext, HttpRequest> request;

    private RequestPhase(String name, Function<BenchContext, HttpRequest> request) {
        this.name = name;
        this.request = request;
    }

    /** The trivial endpoint: what the HTTP stack, the Ssp header and JWT checks cost on their own. */
    public static RequestPhase metadata() {
        return new RequestPhase("metadata", c -> c.consumer().metadata(c.demoOds()));
    }

    /** A slot search of the demo practice from tomorrow, {@code days} days long. */
    public static RequestPhase slotSearch(int days) {
        return new RequestPhase("search " + days + "-day", c -> c.consumer()
                .slotSearch(c.demoOds(), LocalDate.now(ZoneId.of("Europe/London")).plusDays(1), days));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<OperationResult> run(BenchContext context) throws InterruptedException {
        OperationStats stats = OperationStats.expecting(name, 200);
        // Built per request, not once: each carries its own trace id, and the token is renewed as it ages.
        return Measured.closedLoop().run(context, context.shape().workers(),
                (c, start) -> Timed.exchange(stats, c, request.apply(context), start), stats);
    }
}
