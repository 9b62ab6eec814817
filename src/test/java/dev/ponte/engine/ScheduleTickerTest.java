package dev.ponte.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A tick that runs while the app stops finds its database closed under it: that is the shutdown's doing, not an error
 * for the log (it used to leave an ERROR with a stack trace behind an ordinary stop). At any other time it is one.
 */
class ScheduleTickerTest {

    private final ScheduleTicker ticker = new ScheduleTicker(() -> {
        throw new IllegalStateException("Session/EntityManager is closed");
    }, null, Clock.systemUTC());

    @Test
    void aTickThatFailsIsAnErrorWhileTheAppRuns() {
        assertThatThrownBy(ticker::tick).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTickCutShortByTheShutdownIsNot() {
        ticker.stopping(null);
        assertThatCode(ticker::tick).doesNotThrowAnyException();
    }
}
