package io.camelrrpc.component.internal.mqtt;

/** Checks UTF-8 without decoding it, so without allocating: for payloads that claim to be text. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Whether the bytes are well-formed UTF-8 as RFC 3629 defines it (what MQTT 5 requires of a payload whose payload
     * format indicator is 1): no stray continuation bytes, no overlong forms, no surrogates, nothing above U+10FFFF.
     */
    static boolean isWellFormed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuations = continuations(lead);
            if (continuations == 0 || i + continuations >= bytes.length
                || !secondByteFits(lead, bytes[i + 1] & 0xFF)) {
                return false;
            }
            for (int k = 2; k <= continuations; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return true;
    }

    /** Continuation bytes after this lead byte; 0 for a byte that cannot lead (continuation, overlong C0/C1, F5-FF). */
    private static int continuations(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 1;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 2;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    }

    /** RFC 3629's ranges for the byte after a lead byte, which rule out overlong forms, surrogates and > U+10FFFF. */
    private static boolean secondByteFits(int lead, int second) {
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        return second >= low && second <= high;
    }
}
