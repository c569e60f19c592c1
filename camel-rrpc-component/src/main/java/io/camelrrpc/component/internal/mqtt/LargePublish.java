package io.camelrrpc.component.internal.mqtt;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A PUBLISH packet too long to read into memory before looking at it: its topic (and packet id) are read first; a
 * payload over the limit is then skipped through a small buffer, never held. Reads resume where a socket timeout
 * left them.
 */
final class LargePublish {

    private final int firstByte;
    private final int remaining;
    /** Topic length, topic and (QoS 1 and 2) packet id, once known; the topic length alone before. */
    private byte[] head = new byte[2];
    private int headRead;
    private boolean headSized;
    private long toSkip;

    /**
     * @param firstByte the fixed header's first byte (type and flags)
     * @param remaining the packet's remaining length
     */
    LargePublish(int firstByte, int remaining) {
        this.firstByte = firstByte;
        this.remaining = remaining;
    }

    /** Whether a PUBLISH of this remaining length could have a payload over the limit. */
    static boolean mayExceed(int remaining, int maxPayload) {
        return remaining - 2 > maxPayload;
    }

    /**
     * Reads the topic, then skips the payload if it is over the limit.
     *
     * @param scratch a buffer to skip through
     * @return {@code true} when the payload was skipped (the packet is read to its end); {@code false} when it fits:
     *         the caller reads the packet whole, after the {@link #copyHeadTo copied} head
     * @throws IOException when the stream fails or ends, or the topic is longer than the packet
     */
    boolean skipIfOver(InputStream in, int maxPayload, byte[] scratch) throws IOException {
        readHead(in);
        if (!headSized) {
            int topicLength = (head[0] & 0xFF) << 8 | head[1] & 0xFF;
            int headLength = 2 + topicLength + (qos0() ? 0 : 2);
            if (headLength > remaining) {
                throw new IOException("malformed MQTT PUBLISH: a topic of " + topicLength + " bytes in a packet of "
                                      + remaining);
            }
            head = Arrays.copyOf(head, headLength);
            headSized = true;
            toSkip = payloadBytes();
            readHead(in);
        }
        if (payloadBytes() <= maxPayload) {
            return false;
        }
        while (toSkip > 0) {
            int count = in.read(scratch, 0, (int) Math.min(scratch.length, toSkip));
            if (count < 0) {
                throw new EOFException("connection closed inside an MQTT packet");
            }
            toSkip -= count;
        }
        return true;
    }

    private void readHead(InputStream in) throws IOException {
        while (headRead < head.length) {
            int count = in.read(head, headRead, head.length - headRead);
            if (count < 0) {
                throw new EOFException("connection closed inside an MQTT packet");
            }
            headRead += count;
        }
    }

    /** Copies what was read of a packet that fits into its body. @return the bytes copied */
    int copyHeadTo(byte[] body) {
        System.arraycopy(head, 0, body, 0, head.length);
        return head.length;
    }

    /**
     * Tells the receiver of the skipped message.
     *
     * @return what Paho must get: for QoS 1 and 2, the packet with its topic defused and no payload, so that it still
     *         acknowledges it; {@code null} for QoS 0
     */
    byte[] skipped(InboundPacketStream.Receiver receiver) {
        int topicLength = head.length - 2 - (qos0() ? 0 : 2);
        if (InboundPacketStream.pahoCanDecode(head, 2, topicLength)) {
            receiver.oversized(new String(head, 2, topicLength, StandardCharsets.UTF_8), (int) payloadBytes());
        } else {
            receiver.topicDefused();
        }
        if (qos0()) {
            return null;
        }
        byte[] packet = new byte[1 + RemainingLength.size(head.length) + head.length];
        packet[0] = (byte) firstByte;
        int at = RemainingLength.write(head.length, packet, 1);
        System.arraycopy(head, 0, packet, at, head.length);
        Arrays.fill(packet, at + 2, at + 2 + topicLength, InboundPacketStream.DEFUSED);
        return packet;
    }

    private long payloadBytes() {
        return (long) remaining - head.length;
    }

    private boolean qos0() {
        return (firstByte & 0x06) == 0;
    }
}
