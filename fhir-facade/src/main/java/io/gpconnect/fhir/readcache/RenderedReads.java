package io.gpconnect.fhir.readcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Rendered answers to the hottest reads (slot search and the CapabilityStatement), kept while nothing they were
 * built from has changed. Rendering a FHIR Bundle is most of a slot search's cost, and under 111 load the same
 * practice is searched for the same days over and over between two bookings there.
 *
 * <p>An answer is filed under the practice's view generation read before it was built, and served again only
 * while the practice is still at that generation, and for at most {@link #MAX_AGE}: a slot booked or a schedule
 * changed is never hidden, and the age bound covers what depends on the clock alone. Only what the request
 * itself determines is in the key (path, query, Accept, Accept-Encoding, Host): the answer depends on nothing else.
 * The request guard still checks every request before a stored answer is sent.
 */
public final class RenderedReads {
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final Set<String> CACHED_PATHS = Set.of("Slot", "metadata");
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Cache<String, RenderedResponse> answers;
    private final ToLongFunction<String> generations;

    /** @param generations the practice's view generation: equal generations, equal answers */
    public RenderedReads(ToLongFunction<String> generations) {
        this.generations = generations;
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(MAX_AGE)
                .maximumWeight(MAX_BYTES)
                .weigher((String key, RenderedResponse r) -> key.length() + r.size())
                .build();
    }

    /** The request's key when its answer may be kept, else empty (writes, other resources, reads by id). */
    public Optional<Key> keyFor(HttpServletRequest request, String ods, String relativePath) {
        if (!"GET".equals(request.getMethod()) || !CACHED_PATHS.contains(relativePath)) {
            return Optional.empty();
        }
        long generation = relativePath.equals("metadata") ? 0 : generations.applyAsLong(ods);
        // Host too: the Bundle's self link is built from it.
        String key = ods + '\n' + relativePath + '?' + request.getQueryString() + '\n' + request.getHeader("Accept") + '\n'
                + request.getHeader("Accept-Encoding") + '\n' + request.getHeader("Host");
        return Optional.of(new Key(key, generation));
    }

    public Optional<RenderedResponse> find(Key key) {
        return Optional.ofNullable(answers.getIfPresent(key.value())).filter(r -> r.generation() == key.generation());
    }

    public void keep(Key key, RenderedResponse response) {
        answers.put(key.value(), response);
    }

    /** @param generation the practice's view generation when the answer was started */
    public record Key(String value, long generation) {
    }
}
