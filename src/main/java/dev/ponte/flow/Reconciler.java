package dev.ponte.flow;

import dev.ponte.engine.RunCounts;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;

/**
 * A flow's part of a reconciliation run (R50): what it does for a connection that runs it, incrementally (changes
 * since its cursor, with an overlap) or fully. It adds each record's outcome to the run's counts and calls
 * {@code progress} now and then so the run's report shows how far it got.
 */
public interface Reconciler {

    /** The flows (as named on connections) this reconciles for: it runs once for a connection running any of them. */
    java.util.Set<String> flows();

    /** The run modes it takes part in ({@code incremental}, {@code full}, or a flow's own such as {@code catalog}). */
    java.util.Set<String> modes();

    void reconcile(ConnectionView connection, String mode, RunCounts counts, Runnable progress) throws Exception;

    /**
     * A backfill run (R2): queues the backfill jobs of the records of {@code range} (those won or paid within it);
     * for the reconcilers whose {@link #modes} include {@code backfill}.
     */
    default void backfill(ConnectionView connection, Backfill range, RunCounts counts, Runnable progress)
            throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not backfill");
    }
}
