package dev.ponte.engine;

import java.util.concurrent.atomic.AtomicIntegerArray;

/** What a reconciliation run did so far: records seen, created, updated, unchanged, conflicts, skipped, failed. */
public final class RunCounts {

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED
    }

    private final AtomicIntegerArray outcomes = new AtomicIntegerArray(Outcome.values().length);
    private final java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();

    public void add(Outcome outcome) {
        outcomes.incrementAndGet(outcome.ordinal());
    }

    public void add(Outcome outcome, int times) {
        outcomes.addAndGet(outcome.ordinal(), times);
    }

    public void conflict() {
        conflicts.incrementAndGet();
    }

    public int get(Outcome outcome) {
        return outcomes.get(outcome.ordinal());
    }

    public int conflicts() {
        return conflicts.get();
    }

    public int seen() {
        int sum = 0;
        for (Outcome o : Outcome.values()) {
            sum += get(o);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "%d created, %d updated, %d unchanged, %d conflicts, %d skipped, %d failed".formatted(
                get(Outcome.CREATED), get(Outcome.UPDATED), get(Outcome.UNCHANGED), conflicts(), get(Outcome.SKIPPED),
                get(Outcome.FAILED));
    }
}
