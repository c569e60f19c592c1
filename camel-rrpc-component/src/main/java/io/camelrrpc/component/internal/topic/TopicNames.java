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
            if (!PahoText.encodable(c)) {
                throw new IllegalArgumentException(
                        what + " '" + value + "' contains U+" + String.format("%04X", value.codePointAt(i))
                                              + ", which the MQTT client (Eclipse Paho 1.2.5) cannot put in a topic:"
                                              + " it refuses characters from U+FDD0 up and outside the BMP");
            }
        }
        return value;
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
