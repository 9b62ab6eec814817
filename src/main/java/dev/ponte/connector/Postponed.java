package dev.ponte.connector;

import java.time.Duration;

/**
 * Not a failure: "come back in {@code retryAfter}". The job had to wait for something that is not its fault and that a
 * retry cannot hurry — a rate budget (a vendor's 429, Ponte's own request pacer) or another job that is creating the
 * same customer or item — and waiting in the worker thread would take longer than a worker should be tied up. The job
 * engine puts the job back at that time without spending an attempt or recording an error; a job postponed many times
 * in a row does start spending attempts, so waiting can never go on for ever (see
 * {@link dev.ponte.engine.JobHandler}). Code that does not know this kind sees a {@link TransientFailure} with a
 * retry-after, which is what it is to a caller that cannot reschedule (a request thread answers 503 with
 * Retry-After).
 */
public final class Postponed extends TransientFailure {

    public Postponed(String message, Duration retryAfter) {
        super(message, retryAfter, null);
    }
}
