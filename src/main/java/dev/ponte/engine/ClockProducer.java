package dev.ponte.engine;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The system clock, injected everywhere time is read so tests can replace it. */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return new MicrosClock();
    }

    /**
     * UTC in whole microseconds, the precision both databases keep, so a time read back equals the time written.
     * ({@code Clock.tick} cannot do this: it divides by zero below one millisecond.)
     */
    static final class MicrosClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.system(zone);
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public Instant instant() {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
    }
}
