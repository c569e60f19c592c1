package io.camelrrpc.component.internal.late;

import java.util.function.Consumer;

/**
 * What a producer does with the replies to its calls that come after the call timed out.
 *
 * @param windowMillis how long after a timeout its reply still counts as late (and is handed on), rather than unmatched
 * @param target       takes the late replies (off the MQTT client's thread), or {@code null} to only count them
 */
public record LateReplies(long windowMillis, Consumer<LateReply> target) {

    /** Late replies are counted and dropped. */
    public static LateReplies countOnly(long windowMillis) {
        return new LateReplies(windowMillis, null);
    }
}
