package dev.ponte.engine;

import java.util.List;
import java.util.UUID;

/** The cron schedules of the connections that are switched on; connections that are off have none. */
public interface ScheduleSource {

    List<ConnectionSchedule> activeSchedules();

    /** Run reconciliation job kind {@code reconcile.<name>} for a connection on a Quartz cron expression. */
    record ConnectionSchedule(UUID connectionId, String name, String cron) {
    }
}
