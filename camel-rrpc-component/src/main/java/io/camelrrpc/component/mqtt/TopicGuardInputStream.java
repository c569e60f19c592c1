package io.camelrrpc.component.mqtt;

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

import io.camelrrpc.component.topic.PahoText;

/**
 * Reads MQTT packets from the broker one whole packet at a time and defuses PUBLISH topics that Eclipse Paho 1.2.5
 * cannot decode (malformed UTF-8, characters from U+FDD0 up, characters outside the BMP): Paho's reader thread dies
 * on them without closing the connection, leaving the client connected but deaf. Such a topic is overwritten, in
 * place and at the same length, with {@code #} characters, which no subscription matches, so the message is dropped
 * and counted. Reads may time out part-way (Paho sets a socket timeout); the packet read so far is kept.
 */
final class TopicGuardInputStream extends InputStream {

    /** Character written over a topic Paho cannot decode; never valid in a topic name, so nothing matches it. */
    static final byte DEFUSED = '#';
    private static final int PUBLISH = 3;

    private final InputStream in;
    private final Runnable onDefused;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream(5);
    private byte[] packet = new byte[0];
    private int position;
    private boolean headerDone;
    private int remaining;
    private int multiplier = 1;
    private byte[] body;
    private int bodyRead;

    TopicGuardInputStream(InputStream in, Runnable onDefused) {
        this.in = in;
        this.onDefused = onDefused;
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

    /** @return false at the end of the stream */
    private boolean ensurePacket() throws IOException {
        if (position < packet.length) {
            return true;
        }
        while (!headerDone) {
            int next = in.read();
            if (next < 0) {
                return endOfStream();
            }
            header.write(next);
            if (header.size() > 1) {
                remaining += (next & 0x7F) * multiplier;
                multiplier *= 128;
                headerDone = (next & 0x80) == 0;
                body = headerDone ? new byte[remaining] : null;
            }
        }
        while (bodyRead < body.length) {
            int count = in.read(body, bodyRead, body.length - bodyRead);
            if (count < 0) {
                throw new EOFException("connection closed inside an MQTT packet");
            }
            bodyRead += count;
        }
        completePacket();
        return true;
    }

    private boolean endOfStream() throws EOFException {
        if (header.size() > 0) {
            throw new EOFException("connection closed inside an MQTT packet header");
        }
        return false;
    }

    private void completePacket() {
        byte[] fixedHeader = header.toByteArray();
        if ((fixedHeader[0] & 0xF0) >> 4 == PUBLISH) {
            defuseTopic(body);
        }
        packet = new byte[fixedHeader.length + body.length];
        System.arraycopy(fixedHeader, 0, packet, 0, fixedHeader.length);
        System.arraycopy(body, 0, packet, fixedHeader.length, body.length);
        position = 0;
        header.reset();
        headerDone = false;
        remaining = 0;
        multiplier = 1;
        body = null;
        bodyRead = 0;
    }

    private void defuseTopic(byte[] publish) {
        if (publish.length < 2) {
            return;
        }
        int length = Math.min((publish[0] & 0xFF) << 8 | publish[1] & 0xFF, publish.length - 2);
        if (!pahoCanDecode(publish, 2, length)) {
            Arrays.fill(publish, 2, 2 + length, DEFUSED);
            onDefused.run();
        }
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
