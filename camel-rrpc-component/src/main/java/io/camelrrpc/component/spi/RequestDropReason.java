package io.camelrrpc.component.spi;

import java.util.Locale;

/** Why a consumer dropped a request without running its route (the caller then times out). */
public enum RequestDropReason {
    /**
     * Its topic does not fit the request topic template, or its payload is not the UTF-8 text its MQTT 5 payload
     * format indicator says.
     */
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
