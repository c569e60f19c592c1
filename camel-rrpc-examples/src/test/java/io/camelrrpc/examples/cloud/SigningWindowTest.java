package io.camelrrpc.examples.cloud;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock-skew window of signed cloud API requests, to the millisecond on both sides of now. */
class SigningWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00.500Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void aRequestExactlyAtTheWindowsEdgeIsWithin() {
        assertThat(Signing.withinWindow(NOW, NOW.minus(FIVE_MINUTES), FIVE_MINUTES)).isTrue();
        assertThat(Signing.withinWindow(NOW, NOW.plus(FIVE_MINUTES), FIVE_MINUTES)).isTrue();
    }

    @Test
    void aRequestOneMillisecondBeyondTheEdgeIsOutside() {
        assertThat(Signing.withinWindow(NOW, NOW.minus(FIVE_MINUTES).minusMillis(1), FIVE_MINUTES)).isFalse();
        assertThat(Signing.withinWindow(NOW, NOW.plus(FIVE_MINUTES).plusMillis(1), FIVE_MINUTES)).isFalse();
    }
}
