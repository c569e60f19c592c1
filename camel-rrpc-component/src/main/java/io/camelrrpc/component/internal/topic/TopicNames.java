package io.camelrrpc.component.internal.topic;

import java.nio.charset.StandardCharsets;

/**
 * Checks the values that become one level of an MQTT topic: product ids, device names and processIds. A
 * value that breaks the topic is refused with a message that says what to fix.
 */
public final class TopicNames {

    /** The single-level MQTT wildcard, allowed only where a consumer subscribes. */
    public static final String WILDCARD = "+";

    private TopicNames() {
    }

    /**
     * Checks one concrete topic level (no wildcards allowed).
     *
     * @param  what                     what the value is, for the message (e.g. "deviceName")
     * @param  value                    the value to check
     * @return                          the value
     * @throws IllegalArgumentException when the value is empty or contains '/', '+', '#' or NUL
     */
    public static String requireLevel(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\u0000') {
                throw new IllegalArgumentException(
                        what + " '" + value + "' contains '" + (c == 0 ? "\\0" : String.valueOf(c))
                                              + "': MQTT topic levels cannot contain '/', '+', '#' or NUL");
            }
            if (Character.isSurrogate(c) && !pairedSurrogate(value, i)) {
                throw new IllegalArgumentException(
                        what + " contains a lone UTF-16 surrogate U+" + String.format("%04X", (int) c) + " at index " + i
                                              + ": it has no UTF-8 form, so MQTT cannot carry it in a topic");
            }
        }
        return value;
    }

    /** Whether the surrogate at {@code index} is one half of a high-low pair, i.e. part of one character. */
    private static boolean pairedSurrogate(String value, int index) {
        char c = value.charAt(index);
        return Character.isHighSurrogate(c)
                ? index + 1 < value.length() && Character.isLowSurrogate(value.charAt(index + 1))
                : index > 0 && Character.isHighSurrogate(value.charAt(index - 1));
    }

    /** Like {@link #requireLevel} but also accepts the whole-level wildcard {@code +}. */
    public static String requireLevelOrWildcard(String what, String value) {
        return WILDCARD.equals(value) ? value : requireLevel(what, value);
    }

    /**
     * Checks a processId: a valid topic level of at most {@code maxBytes} UTF-8 bytes.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static String requireProcessId(String processId, int maxBytes) {
        requireLevel("processId", processId);
        int length = processId.getBytes(StandardCharsets.UTF_8).length;
        if (length > maxBytes) {
            throw new IllegalArgumentException(
                    "processId '" + processId + "' is " + length + " bytes; devices accept at most " + maxBytes
                                               + " (processIdMaxLength)");
        }
        return processId;
    }
}
