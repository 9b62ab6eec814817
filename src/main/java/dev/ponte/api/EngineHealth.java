package dev.ponte.api;

import dev.ponte.engine.JobService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Ready when the job engine's dispatcher runs and the clustered scheduler is started. */
@Readiness
@ApplicationScoped
public class EngineHealth implements HealthCheck {

    private final JobService jobs;
    private final Scheduler scheduler;

    EngineHealth(JobService jobs, Scheduler scheduler) {
        this.jobs = jobs;
        this.scheduler = scheduler;
    }

    @Override
    public HealthCheckResponse call() {
        boolean schedulerUp;
        try {
            schedulerUp = scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            schedulerUp = false;
        }
        return HealthCheckResponse.named("engine").status(jobs.isRunning() && schedulerUp)
                .withData("jobEngine", jobs.isRunning()).withData("scheduler", schedulerUp).build();
    }
}
