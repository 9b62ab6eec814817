package dev.ponte.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one attempt of a job may keep while its handler runs on the engine's worker thread: a value looked up again
 * and again in one attempt (a connection's stored version, asked for by each capability a flow opens) is looked up
 * once, and again only when it is older than {@link #FRESH_NANOS}, so a long run still sees a connection change.
 * It also keeps the history lines the attempt records ({@link #history}), to be written with its outcome. Outside a
 * job (a request thread, a test) nothing is kept: {@link #memo} computes every time.
 */
public final class JobScope {

    /** How long a value kept in one attempt stands for the stored one. */
    static final long FRESH_NANOS = 1_000_000_000L;

    private static final ThreadLocal<JobScope> CURRENT = new ThreadLocal<>();

    private final Map<Object, Kept> kept = new HashMap<>();
    private final List<HistoryLine> history = new ArrayList<>();

    private record Kept(Object value, long at) {
    }

    private JobScope() {
    }

    static void enter() {
        CURRENT.set(new JobScope());
    }

    /** Ends the attempt's scope; answers the history lines it kept, to be written with its outcome. */
    static List<HistoryLine> exit() {
        JobScope scope = CURRENT.get();
        CURRENT.remove();
        return scope == null ? List.of() : scope.history;
    }

    /** The history lines this attempt has kept so far, or null outside a job: they are written at once there. */
    static List<HistoryLine> history() {
        JobScope scope = CURRENT.get();
        return scope == null ? null : scope.history;
    }

    /** The value kept under {@code key} in this attempt while fresh, else {@code compute}'s (kept unless null). */
    @SuppressWarnings("unchecked")
    public static <T> T memo(Object key, Supplier<T> compute) {
        JobScope scope = CURRENT.get();
        if (scope == null) {
            return compute.get();
        }
        long now = System.nanoTime();
        Kept k = scope.kept.get(key);
        if (k != null && now - k.at() < FRESH_NANOS) {
            return (T) k.value();
        }
        T value = compute.get();
        if (value != null) {
            scope.kept.put(key, new Kept(value, now));
        } else {
            scope.kept.remove(key);
        }
        return value;
    }

    /** Drops what this attempt kept under {@code key} (the caller changed it). */
    public static void forget(Object key) {
        JobScope scope = CURRENT.get();
        if (scope != null) {
            scope.kept.remove(key);
        }
    }
}
