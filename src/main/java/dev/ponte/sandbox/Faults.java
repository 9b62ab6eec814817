package dev.ponte.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** Runtime fault configuration per vendor; decisions are thread-safe and repeatable for a given seed. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@ApplicationScoped
public class Faults {

    /** What to do with one incoming request. */
    public enum Decision { NONE, UNAUTHORIZED, RATE_LIMITED, SERVER_ERROR, TIMEOUT }

    private static final long DEFAULT_SEED = 42L;
    private static final int DEFAULT_RETRY_AFTER_SECONDS = 2;
    private static final int DEFAULT_TIMEOUT_MS = 30_000;

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> requests = new ConcurrentHashMap<>();

    /**
     * Counts an API request to the vendor, and separately the writes (any method but GET and HEAD): benchmarks read
     * remote calls per synced record from it, tests that a sync wrote nothing.
     */
    public void countRequest(String vendor, String method) {
        requests.computeIfAbsent(vendor, v -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            requests.computeIfAbsent(vendor + " writes", v -> new java.util.concurrent.atomic.AtomicLong())
                    .incrementAndGet();
        }
    }

    public long requests(String vendor) {
        java.util.concurrent.atomic.AtomicLong count = requests.get(vendor);
        return count == null ? 0 : count.get();
    }

    public long writes(String vendor) {
        return requests(vendor + " writes");
    }

    public void resetRequests(String vendor) {
        requests.remove(vendor);
        requests.remove(vendor + " writes");
    }

    public FaultSpec configure(String vendor, FaultSpec spec) {
        states.put(vendor, new State(spec));
        return spec;
    }

    public void reset(String vendor) {
        states.remove(vendor);
    }

    public FaultSpec spec(String vendor) {
        return state(vendor).spec;
    }

    public int latencyMs(String vendor) {
        return value(spec(vendor).latencyMs(), 0);
    }

    public int retryAfterSeconds(String vendor) {
        return value(spec(vendor).retryAfterSeconds(), DEFAULT_RETRY_AFTER_SECONDS);
    }

    public int timeoutMs(String vendor) {
        return value(spec(vendor).timeoutMs(), DEFAULT_TIMEOUT_MS);
    }

    public int webhookDuplicates(String vendor) {
        return Math.max(1, value(spec(vendor).webhookDuplicates(), 1));
    }

    public boolean stockCheck(String vendor) {
        return Boolean.TRUE.equals(spec(vendor).stockCheck());
    }

    public boolean dropAsBadGateway(String vendor) {
        return "502".equals(spec(vendor).dropMode());
    }

    public Decision decide(String vendor) {
        return state(vendor).decide();
    }

    /** Asked once per successful POST, after its change is committed. */
    public boolean dropAfterCommit(String vendor) {
        return state(vendor).drop();
    }

    private State state(String vendor) {
        return states.computeIfAbsent(vendor, v -> new State(FaultSpec.none()));
    }

    private static int value(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static final class State {
        private final FaultSpec spec;
        private final Random random;
        private int next401;
        private int next429;
        private int next500;
        private int nextTimeouts;
        private int nextDrops;
        private int served;

        State(FaultSpec spec) {
            this.spec = spec;
            this.random = new Random(Objects.requireNonNullElse(spec.seed(), DEFAULT_SEED));
            this.next401 = value(spec.next401(), 0);
            this.next429 = value(spec.next429(), 0);
            this.next500 = value(spec.next500(), 0);
            this.nextTimeouts = value(spec.nextTimeouts(), 0);
            this.nextDrops = value(spec.dropAfterCommit(), 0);
        }

        synchronized Decision decide() {
            if (served < value(spec.afterRequests(), 0)) {
                served++;
                return Decision.NONE;
            }
            if (next401 > 0) {
                next401--;
                return Decision.UNAUTHORIZED;
            }
            if (next429 > 0) {
                next429--;
                return Decision.RATE_LIMITED;
            }
            if (next500 > 0) {
                next500--;
                return Decision.SERVER_ERROR;
            }
            if (nextTimeouts > 0) {
                nextTimeouts--;
                return Decision.TIMEOUT;
            }
            if (hit(spec.p401())) {
                return Decision.UNAUTHORIZED;
            }
            if (hit(spec.p429())) {
                return Decision.RATE_LIMITED;
            }
            if (hit(spec.p500())) {
                return Decision.SERVER_ERROR;
            }
            return hit(spec.pTimeout()) ? Decision.TIMEOUT : Decision.NONE;
        }

        synchronized boolean drop() {
            if (nextDrops > 0) {
                nextDrops--;
                return true;
            }
            return hit(spec.pDropAfterCommit());
        }

        private boolean hit(Double probability) {
            return probability != null && probability > 0 && random.nextDouble() < probability;
        }
    }
}
