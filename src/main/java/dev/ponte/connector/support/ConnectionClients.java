package dev.ponte.connector.support;

import dev.ponte.connector.RateBudget;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a connector keeps per connection id in this JVM: its REST client and whatever else the connection's ports
 * share (a pacer, a lock, caches), so that opening a port per job is cheap. Rebuilt, and the old client closed, when
 * the credentials it was built from change; all closed when the connector is ({@code @PreDestroy}). Beside it, the
 * connection's {@link RateBudget}, which outlives a rebuilt client: register it on the client
 * ({@link RestClients.Builder#budget}) and the API shows it.
 *
 * @param <S> what one connection keeps
 */
public final class ConnectionClients<S> {

    private final String vendor;
    private final Function<S, Object> client;
    private final Integer pacedPerSecond;
    private final RateBudget.Headers rateHeaders;
    private final Map<UUID, Kept<S>> kept = new ConcurrentHashMap<>();
    private final Map<UUID, RateBudget> budgets = new ConcurrentHashMap<>();

    private record Kept<S>(Object key, S session) {
    }

    /**
     * {@code client}: the REST client in what is kept, closed when it is replaced or at shutdown;
     * {@code pacedPerSecond} and {@code rateHeaders}: as in {@link RateBudget}, each null where there is none.
     */
    public ConnectionClients(String vendor, Function<S, Object> client, Integer pacedPerSecond,
            RateBudget.Headers rateHeaders) {
        this.vendor = vendor;
        this.client = client;
        this.pacedPerSecond = pacedPerSecond;
        this.rateHeaders = rateHeaders;
    }

    /** The connection's request budget, counted across rebuilt clients (real time: tests move the app's Clock). */
    public RateBudget budget(UUID connectionId) {
        return budgets.computeIfAbsent(connectionId, id -> new RateBudget(pacedPerSecond, rateHeaders,
                Clock.systemUTC()));
    }

    /** What the connection's budget shows; empty before its first call in this JVM. */
    public Optional<RateBudget.Usage> usage(UUID connectionId) {
        return Optional.ofNullable(budgets.get(connectionId)).map(RateBudget::usage);
    }

    /**
     * The connection's, built by {@code build} the first time and again whenever {@code key} (what it is built
     * from, e.g. a token baked into the client's header; null when nothing is) is not what it was built with.
     */
    public S get(UUID connectionId, Object key, Supplier<S> build) {
        return kept.compute(connectionId, (id, old) -> {
            if (old != null && Objects.equals(old.key(), key)) {
                return old;
            }
            if (old != null) {
                close(old.session());
            }
            return new Kept<>(key, build.get());
        }).session();
    }

    /** The connection's, built once: for a client whose credentials travel as call parameters. */
    public S get(UUID connectionId, Supplier<S> build) {
        return get(connectionId, null, build);
    }

    /** Closes every connection's client (at shutdown). */
    public void closeAll() {
        kept.values().forEach(k -> close(k.session()));
        kept.clear();
    }

    private void close(S session) {
        if (client.apply(session) instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // The pool is gone either way.
                Log.debugf("closing a %s client failed: %s", vendor, e.getMessage());
            }
        }
    }
}
