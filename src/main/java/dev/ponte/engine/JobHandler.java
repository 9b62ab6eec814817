package dev.ponte.engine;

/**
 * Runs the jobs of one kind. Flows implement it and are registered by {@link #kind()} at start-up; a duplicate
 * kind fails the start.
 *
 * <p>Lifecycle: the engine claims a job under a lease, calls {@link #run(Job)} on a worker thread, and records the
 * outcome. A handler signals failure by throwing: {@link dev.ponte.connector.TransientFailure} (retried with
 * backoff, honouring its retry-after), {@link dev.ponte.connector.CredentialsFailure} (the connection is paused
 * and the job waits for it), {@link dev.ponte.connector.RejectedFailure} (dead at once, error kept); any other
 * exception is treated as transient. A job may run more than once (a lease can expire after a crash), so a handler
 * must find its own earlier effect before repeating it.
 */
public interface JobHandler {

    String kind();

    JobResult run(Job job) throws Exception;
}
