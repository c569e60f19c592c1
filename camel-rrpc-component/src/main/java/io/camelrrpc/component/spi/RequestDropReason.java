package io.camelrrpc.component.spi;

import java.util.Locale;

/** Why a consumer dropped a request without running its route (the caller then times out). */
public enum RequestDropReason {
    /** Its topic does not fit the request topic template. */
    MALFORMED,
    /** Larger than maxPayloadSize. */
    OVERSIZED,
    /** Every consumer thread and queue slot was busy. */
    BUSY;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The name in metrics and consoles, e.g. {@code busy}. */
    public String tag() {
        return tag;
    }
}
