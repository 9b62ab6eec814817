package dev.ponte.engine;

/**
 * Runs the jobs of one kind. Flows implement it and are registered by {@link #kind()} at start-up; a duplicate
 * kind fails the start.
 *
 * <p>Lifecycle: the engine claims a job under a lease (which counts an attempt), calls {@link #run(Job)} on a worker
 * thread, and records the outcome. A handler returns a {@link JobResult} (succeeded or skipped), or throws:
 * <ul>
 *   <li>{@link dev.ponte.connector.Postponed} — not a failure: the job must wait for something outside it (a rate
 *   budget, another job's claim). It goes back to the queue at the retry-after, with its attempt given back and its
 *   last error untouched. Up to {@code JobEngine.FREE_POSTPONEMENTS} postponements in a row are free; each one after
 *   spends an attempt like a transient failure, so a job cannot be postponed for ever;</li>
 *   <li>{@link dev.ponte.connector.TransientFailure} — retried with backoff (honouring its retry-after), spending
 *   an attempt; out of attempts it is dead;</li>
 *   <li>{@link dev.ponte.connector.CredentialsFailure} — the connection is paused and the job waits for it, its
 *   attempt given back;</li>
 *   <li>{@link dev.ponte.connector.RejectedFailure} — dead at once, error kept, until a person retries it;</li>
 *   <li>any other exception — treated as transient.</li>
 * </ul>
 * A job may run more than once (a lease can expire after a crash, and every postponement runs it again), so a handler
 * must find its own earlier effect before repeating it, and should give up what it holds for others (a claim) when
 * it knows it created nothing.
 */
public interface JobHandler {

    String kind();

    JobResult run(Job job) throws Exception;
}
