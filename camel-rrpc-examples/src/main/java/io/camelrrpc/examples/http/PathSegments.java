package io.camelrrpc.examples.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a path segment as the client wrote it: each {@code %XX} is a byte, the bytes are UTF-8. Exactly once, so
 * {@code dev%40x} is {@code dev@x} and {@code dev%2540x} is {@code dev%40x}; {@code +} stays {@code +} (it means a
 * space only in forms).
 */
public final class PathSegments {

    private PathSegments() {
    }

    /**
     * @param  what                     what the segment names, for the message, e.g. {@code deviceName}
     * @param  segment                  the segment as it is in the request URI
     * @return                          the decoded segment
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits, or the bytes are not UTF-8
     */
    public static String decode(String what, String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int from = 0;
        for (int percent = segment.indexOf('%'); percent >= 0; percent = segment.indexOf('%', from)) {
            bytes.writeBytes(segment.substring(from, percent).getBytes(StandardCharsets.UTF_8));
            bytes.write(escapedByte(what, segment, percent));
            from = percent + 3;
        }
        bytes.writeBytes(segment.substring(from).getBytes(StandardCharsets.UTF_8));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " '" + segment + "' is not percent-encoded UTF-8", e);
        }
    }

    private static int escapedByte(String what, String segment, int percent) {
        int high = percent + 2 < segment.length() ? Character.digit(segment.charAt(percent + 1), 16) : -1;
        int low = percent + 2 < segment.length() ? Character.digit(segment.charAt(percent + 2), 16) : -1;
        if (high < 0 || low < 0) {
            throw new IllegalArgumentException(
                    what + " '" + segment + "' has a '%' that is not followed by two hex digits");
        }
        return high << 4 | low;
    }
}
