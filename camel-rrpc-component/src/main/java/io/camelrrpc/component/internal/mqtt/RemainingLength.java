package io.camelrrpc.component.internal.mqtt;

/** MQTT's "remaining length": 7 bits a byte, low bits first, at most 4 bytes (268,435,455). */
final class RemainingLength {

    static final int MAX = 268_435_455;
    static final int MAX_BYTES = 4;

    private RemainingLength() {
    }

    /** How many bytes the length takes. */
    static int size(long length) {
        return length < 128 ? 1 : length < 16_384 ? 2 : length < 2_097_152 ? 3 : 4;
    }

    /** Writes the length at {@code at}. @return the index after it */
    static int write(long length, byte[] target, int at) {
        long left = length;
        do {
            int digit = (int) (left % 128);
            left /= 128;
            target[at++] = (byte) (left > 0 ? digit | 0x80 : digit);
        } while (left > 0);
        return at;
    }
}
