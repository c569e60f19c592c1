package io.camelrrpc.examples.http;

import java.time.Duration;

import org.apache.camel.util.TimeUtils;

/**
 * The {@code ?timeout=} of a device call: milliseconds ({@code 300}) or with a unit ({@code 300ms}, {@code 2s},
 * {@code 1m}), positive and at most {@code rrpc.http.max-timeout}, so no caller can keep a call pending for longer.
 */
final class TimeoutParameter {

    private final long maxMillis;

    TimeoutParameter(Duration maxTimeout) {
        this.maxMillis = maxTimeout.toMillis();
    }

    /**
     * @return                          the timeout in milliseconds
     * @throws IllegalArgumentException when it is not a positive duration or longer than the limit
     */
    long millis(String text) {
        long millis;
        try {
            millis = TimeUtils.toMilliSeconds(text);
        } catch (RuntimeException e) {
            millis = -1;
        }
        if (millis <= 0) {
            throw new IllegalArgumentException(
                    "timeout must be a positive duration such as 300 (milliseconds), 300ms or 2s, got '" + text + "'");
        }
        if (millis > maxMillis) {
            throw new IllegalArgumentException("timeout " + millis + " ms is longer than the limit of " + maxMillis
                                               + " ms (rrpc.http.max-timeout)");
        }
        return millis;
    }
}
