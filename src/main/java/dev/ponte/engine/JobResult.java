package dev.ponte.engine;

/** How a job ended when its handler returned normally: done, or deliberately skipped with a reason. */
public record JobResult(JobStatus status, String reason) {

    private static final JobResult SUCCEEDED = new JobResult(JobStatus.SUCCEEDED, null);

    public JobResult {
        if (status != JobStatus.SUCCEEDED && status != JobStatus.SKIPPED) {
            throw new IllegalArgumentException("a handler ends a job as SUCCEEDED or SKIPPED");
        }
        if (status == JobStatus.SKIPPED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a skipped job needs its reason");
        }
    }

    public static JobResult succeeded() {
        return SUCCEEDED;
    }

    public static JobResult succeeded(String note) {
        return new JobResult(JobStatus.SUCCEEDED, note);
    }

    public static JobResult skipped(String reason) {
        return new JobResult(JobStatus.SKIPPED, reason);
    }
}
