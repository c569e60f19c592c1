package io.camelrrpc.component.spi;

import java.util.Locale;

/** Why a message on a reply topic completed no call. */
public enum ReplyDropReason {
    /** Its call had timed out (within lateReplyWindow). */
    LATE,
    /** Its call had already been answered. */
    DUPLICATE,
    /** No call of this node knows its processId: another node's, or older than what is remembered. */
    UNMATCHED,
    /**
     * Its processId is a call's, but it came from another device than the one called, or its MQTT 5 correlation data
     * names another call than its topic.
     */
    MISADDRESSED,
    /**
     * Its topic does not fit the reply topic template, or its payload is not the UTF-8 text its MQTT 5 payload format
     * indicator says (its call failed).
     */
    MALFORMED,
    /** Larger than maxPayloadSize (its call failed). */
    OVERSIZED;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The name in metrics and consoles, e.g. {@code late}. */
    public String tag() {
        return tag;
    }
}
