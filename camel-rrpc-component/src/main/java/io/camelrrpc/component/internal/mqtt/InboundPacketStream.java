package io.camelrrpc.component.internal.mqtt;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.camelrrpc.component.internal.topic.PahoText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Eclipse Paho 1.2.5 reads from a plain TCP connection: the broker's packets, read whole through a buffer, with
 * three changes.
 * <ul>
 * <li>QoS 0 PUBLISH packets are decoded here and handed to a listener on the reading thread, and Paho never sees
 * them. Paho decodes every packet one byte at a time through a synchronized stream, twice over (about 0.3 ms of CPU
 * per 4 KB payload, most of the cost of a call with such payloads), then hands the message to its callback thread.
 * A QoS 0 message needs nothing else from the client: no acknowledgement, no state.</li>
 * <li>Topics Paho cannot decode (malformed UTF-8, characters from U+FDD0 up, characters outside the BMP) never reach
 * it: Paho's reader thread dies on them without closing the connection, leaving the client connected but deaf. A
 * QoS 0 message with such a topic is dropped; in any other PUBLISH the topic is overwritten, in place and at the same
 * length, with {@code #} characters, which no subscription matches. Both are counted.</li>
 * <li>A PUBLISH whose payload is over {@link Receiver#maxPayload()} is never read into memory ({@link LargePublish}):
 * the payload is skipped, the receiver told; Paho gets a QoS 1 one defused and empty, so that it acknowledges it.</li>
 * </ul>
 * Reads may time out part-way (Paho sets a socket timeout); the packet read so far is kept. A malformed packet
 * header ends the connection with an {@link IOException} (Paho reconnects); nothing here lets a runtime exception
 * reach Paho's reader thread, which it would end without closing the connection.
 */
final class InboundPacketStream extends InputStream {

    /** Character written over a topic Paho cannot decode; never valid in a topic name, so nothing matches it. */
    static final byte DEFUSED = '#';
    private static final int PUBLISH = 3;
    private static final Logger LOG = LoggerFactory.getLogger(InboundPacketStream.class);

    /** What the stream handles itself, told on the reading thread: nothing here may block. */
    interface Receiver {
        /** A QoS 0 message, which Paho never sees. */
        void message(String topic, byte[] payload);

        /** A message dropped (QoS 0) or defused (else) because Paho could not decode its topic. */
        void topicDefused();

        /**
         * A message whose payload is over {@link #maxPayload()}: its payload was skipped unread, and Paho gets it (QoS
         * 1) defused and empty, so that it still acknowledges it.
         */
        void oversized(String topic, int payloadBytes);

        /** The largest payload read, in bytes. */
        int maxPayload();
    }

    private final InputStream in;
    private final Receiver receiver;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream(5);
    private byte[] packet = new byte[0];
    private int position;
    private boolean headerDone;
    private int remaining;
    private int multiplier = 1;
    private byte[] body;
    private int bodyRead;
    private int firstByte;
    private LargePublish large;
    private byte[] scratch;

    /**
     * @param in       the socket's stream
     * @param receiver gets what Paho does not
     */
    InboundPacketStream(InputStream in, Receiver receiver) {
        this.in = new BufferedInputStream(in);
        this.receiver = receiver;
    }

    @Override
    public int read() throws IOException {
        if (!ensurePacket()) {
            return -1;
        }
        return packet[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!ensurePacket()) {
            return -1;
        }
        int count = Math.min(length, packet.length - position);
        System.arraycopy(packet, position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() throws IOException {
        return packet.length - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads until there is a packet for Paho. @return false at the end of the stream */
    private boolean ensurePacket() throws IOException {
        while (position >= packet.length) {
            if (!readPacket()) {
                return false;
            }
            byte[] forPaho = handle(header.toByteArray(), body, large);
            resetPacketState();
            if (forPaho != null) {
                packet = forPaho;
                position = 0;
            }
        }
        return true;
    }

    /** @return the packet for Paho, or {@code null} when it was handled here, or failed here and is dropped */
    private byte[] handle(byte[] fixedHeader, byte[] content, LargePublish skipped) {
        try {
            if (skipped != null) {
                return skipped.skipped(receiver);
            }
            return isPublish(fixedHeader[0]) ? publish(fixedHeader, content) : join(fixedHeader, content);
        } catch (RuntimeException e) {
            LOG.warn("Dropped an MQTT packet ({} bytes) that could not be handled: {}", content == null ? 0 : content.length,
                    e.toString(), e);
            return null;
        }
    }

    /** Reads the rest of the current packet. @return false at the end of the stream, between packets */
    private boolean readPacket() throws IOException {
        if (!headerDone && !readFixedHeader()) {
            return false;
        }
        if (body == null && large == null) {
            if (isPublish(firstByte) && LargePublish.mayExceed(remaining, receiver.maxPayload())) {
                large = new LargePublish(firstByte, remaining);
            } else {
                body = new byte[remaining];
            }
        }
        if (large != null) {
            if (scratch == null) {
                scratch = new byte[8192];
            }
            if (large.skipIfOver(in, receiver.maxPayload(), scratch)) {
                return true;
            }
            body = new byte[remaining];
            bodyRead = large.copyHeadTo(body);
            large = null;
        }
        while (bodyRead < body.length) {
            int count = in.read(body, bodyRead, body.length - bodyRead);
            if (count < 0) {
                throw new EOFException("connection closed inside an MQTT packet");
            }
            bodyRead += count;
        }
        return true;
    }

    /** @return false at the end of the stream, between packets */
    private boolean readFixedHeader() throws IOException {
        while (!headerDone) {
            int next = in.read();
            if (next < 0) {
                if (header.size() > 0) {
                    throw new EOFException("connection closed inside an MQTT packet header");
                }
                return false;
            }
            header.write(next);
            if (header.size() == 1) {
                firstByte = next;
            } else {
                if (header.size() > 1 + RemainingLength.MAX_BYTES) {
                    throw new IOException("malformed MQTT packet: its remaining length takes more than "
                                          + RemainingLength.MAX_BYTES + " bytes");
                }
                remaining += (next & 0x7F) * multiplier;
                multiplier *= 128;
                headerDone = (next & 0x80) == 0;
            }
        }
        return true;
    }

    private void resetPacketState() {
        header.reset();
        headerDone = false;
        remaining = 0;
        multiplier = 1;
        body = null;
        bodyRead = 0;
        large = null;
    }

    private static boolean isPublish(int firstByte) {
        return (firstByte & 0xF0) >> 4 == PUBLISH;
    }

    /** @return the packet for Paho, or {@code null} when it was consumed here */
    private byte[] publish(byte[] fixedHeader, byte[] content) {
        if (content.length < 2) {
            return join(fixedHeader, content); // malformed: Paho fails the connection, as it would without us
        }
        int declared = (content[0] & 0xFF) << 8 | content[1] & 0xFF;
        int topicLength = Math.min(declared, content.length - 2);
        boolean qos0 = (fixedHeader[0] & 0x06) == 0;
        if (!pahoCanDecode(content, 2, topicLength)) {
            receiver.topicDefused();
            if (qos0) {
                return null;
            }
            Arrays.fill(content, 2, 2 + topicLength, DEFUSED);
            return join(fixedHeader, content);
        }
        if (!qos0 || declared > content.length - 2) {
            return join(fixedHeader, content);
        }
        String topic = new String(content, 2, topicLength, StandardCharsets.UTF_8);
        receiver.message(topic, Arrays.copyOfRange(content, 2 + topicLength, content.length));
        return null;
    }

    private static byte[] join(byte[] fixedHeader, byte[] content) {
        byte[] whole = Arrays.copyOf(fixedHeader, fixedHeader.length + content.length);
        System.arraycopy(content, 0, whole, fixedHeader.length, content.length);
        return whole;
    }

    static boolean pahoCanDecode(byte[] bytes, int offset, int length) {
        boolean ascii = true;
        for (int i = offset; i < offset + length; i++) {
            ascii &= bytes[i] > 0;
        }
        if (ascii) {
            return true;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
            return text.chars().allMatch(c -> PahoText.encodable((char) c));
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
