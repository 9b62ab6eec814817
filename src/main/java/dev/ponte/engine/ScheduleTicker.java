package dev.ponte.engine;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * Turns connections' cron schedules into reconciliation jobs. Quartz runs the tick on one replica of the cluster;
 * each fire time becomes a job whose idempotency key names it, so a tick that runs twice, or overlapping windows,
 * still enqueue each run once.
 */
@ApplicationScoped
public class ScheduleTicker {

    static final Duration WINDOW = Duration.ofMinutes(2);

    private final ScheduleSource schedules;
    private final JobService jobs;
    private final Clock clock;
    private volatile boolean stopping;

    ScheduleTicker(ScheduleSource schedules, JobService jobs, Clock clock) {
        this.schedules = schedules;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** From here on, a tick that fails (its database closed under it) is cut short by the shutdown, not an error. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(identity = "ponte-schedule-tick", every = "${ponte.schedules.tick:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            enqueueDue();
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            Log.debugf("The schedule tick was cut short by the shutdown: %s", e.getMessage());
        }
    }

    private void enqueueDue() {
        Instant now = clock.instant();
        for (ScheduleSource.ConnectionSchedule schedule : schedules.activeSchedules()) {
            try {
                CronExpression cron = new CronExpression(schedule.cron());
                cron.setTimeZone(TimeZone.getTimeZone("UTC"));
                Date fire = cron.getNextValidTimeAfter(Date.from(now.minus(WINDOW)));
                while (fire != null && !fire.toInstant().isAfter(now)) {
                    String kind = "reconcile." + schedule.name();
                    jobs.enqueue(new NewJob(schedule.connectionId(), kind, "schedule:" + schedule.name(),
                            schedule.connectionId() + ":" + kind + ":" + fire.toInstant(),
                            "{\"scheduledFor\":\"" + fire.toInstant() + "\"}"));
                    fire = cron.getNextValidTimeAfter(fire);
                }
            } catch (ParseException e) {
                Log.warnf("Connection %s has an invalid %s schedule", schedule.connectionId(), schedule.name());
            }
        }
    }
}
