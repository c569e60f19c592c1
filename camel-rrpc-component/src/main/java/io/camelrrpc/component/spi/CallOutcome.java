package io.camelrrpc.component.spi;

import java.util.Locale;

/** How a producer's call ended. */
public enum CallOutcome {
    /** The device replied. */
    OK,
    /** No reply within the call's timeout. */
    TIMEOUT,
    /** The broker connection was down: lost while the call waited, or not there to send the request. */
    OFFLINE,
    /** Refused by maxPendingCalls, or by maxConcurrentCallsPerDevice with deviceBusyPolicy=Reject. */
    REJECTED,
    /** Any other failure: bad input, a request or reply too large, the producer stopping. */
    ERROR;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The name in metrics and consoles, e.g. {@code timeout}. */
    public String tag() {
        return tag;
    }
}
