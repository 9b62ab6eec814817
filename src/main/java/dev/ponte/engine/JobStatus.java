package dev.ponte.engine;

/** Where a job stands. {@code FAILED} will be retried; {@code DEAD} waits for a person. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, SKIPPED, FAILED, DEAD;

    public boolean finished() {
        return this == SUCCEEDED || this == SKIPPED || this == DEAD;
    }
}
