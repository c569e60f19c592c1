package io.camelrrpc.component.internal.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class InboundPacketStreamTest {

    private final AtomicInteger defused = new AtomicInteger();
    private final List<String> topics = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();
    private final List<String> oversized = new ArrayList<>();
    private int maxPayload = 1 << 20;

    private InboundPacketStream stream(InputStream in) {
        return new InboundPacketStream(in, new InboundPacketStream.Receiver() {
            @Override
            public void message(String topic, byte[] payload) {
                topics.add(topic);
                payloads.add(payload);
            }

            @Override
            public void topicDefused() {
                defused.incrementAndGet();
            }

            @Override
            public void oversized(String topic, int payloadBytes) {
                oversized.add(topic + " " + payloadBytes);
            }

            @Override
            public int maxPayload() {
                return maxPayload;
            }
        });
    }

    @Test
    void qos0PublishesGoToTheListenerAndNeverToPaho() throws IOException {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] large = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8); // a three-byte remaining length
        byte[] packets = concat(publish(0, "$rrpc/txd/P/D/1", everyByte), pingResponse(),
                publish(0, "$rrpc/txd/温度/D/2", "é".getBytes(StandardCharsets.UTF_8)), publish(0, "a/b", new byte[0]),
                publish(0, "big", large));

        assertThat(readAll(stream(new ByteArrayInputStream(packets)))).isEqualTo(pingResponse());
        assertThat(topics).containsExactly("$rrpc/txd/P/D/1", "$rrpc/txd/温度/D/2", "a/b", "big");
        assertThat(payloads).containsExactly(everyByte, "é".getBytes(StandardCharsets.UTF_8), new byte[0], large);
        assertThat(defused).hasValue(0);
    }

    @Test
    void passesQos1PublishesAndOtherPacketsToPahoUnchanged() throws IOException {
        byte[] packets = concat(publish(1, "$rrpc/txd/P/D/1", "ok".getBytes(StandardCharsets.UTF_8)), pingResponse(),
                publish(1, "$rrpc/txd/温度/D/2", "é".getBytes(StandardCharsets.UTF_8)));
        assertThat(readAll(stream(new ByteArrayInputStream(packets)))).isEqualTo(packets);
        assertThat(topics).isEmpty();
        assertThat(defused).hasValue(0);
    }

    @Test
    void dropsOrOverwritesTopicsPahoCannotDecode() throws IOException {
        for (String bad : new String[] { "\uD83D\uDE00", "\uFF01" }) {
            String topic = "$rrpc/txd/P/D/" + bad;
            byte[] packets = concat(publish(0, topic, "dropped"), publish(1, topic, "defused"), publish(1, "ok", "next"));
            byte[] read = readAll(stream(new ByteArrayInputStream(packets)));
            String overwritten = "#".repeat(topic.getBytes(StandardCharsets.UTF_8).length);
            assertThat(read).isEqualTo(concat(publish(1, overwritten, "defused"), publish(1, "ok", "next")));
        }
        assertThat(topics).isEmpty();
        assertThat(defused).hasValue(4);
    }

    @Test
    void malformedUtf8IsDefusedToo() {
        assertThat(InboundPacketStream.pahoCanDecode(new byte[] { 'a', (byte) 0xC3 }, 0, 2)).isFalse();
        assertThat(InboundPacketStream.pahoCanDecode(new byte[] { 'a', 0 }, 0, 2)).isFalse();
        assertThat(InboundPacketStream.pahoCanDecode("ok/é".getBytes(StandardCharsets.UTF_8), 0, 5)).isTrue();
    }

    @Test
    void keepsAPartlyReadPacketAcrossSocketTimeouts() throws IOException {
        byte[] forPaho = publish(1, "$rrpc/txd/P/D/\uFF01", "x".repeat(300));
        byte[] packets = concat(publish(0, "$rrpc/txd/P/D/1", "y".repeat(300)), forPaho);
        InboundPacketStream stream = stream(new TimingOutEveryFewBytes(packets));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64];
        while (out.size() < forPaho.length) {
            try {
                int n = stream.read(chunk, 0, chunk.length);
                out.write(chunk, 0, n);
            } catch (SocketTimeoutException e) {
                // Paho retries after its socket timeout
            }
        }
        assertThat(out.size()).isEqualTo(forPaho.length);
        assertThat(topics).containsExactly("$rrpc/txd/P/D/1");
        assertThat(payloads.get(0)).hasSize(300);
        assertThat(defused).hasValue(1);
    }

    @Test
    void skipsOversizedPublishesWithoutReadingThemIntoMemory() throws IOException {
        maxPayload = 1024;
        int huge = 200 * 1024 * 1024;
        InputStream packets = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(publishHeader(0, "$rrpc/txd/P/D/1", huge)), new Zeros(huge),
                new ByteArrayInputStream(publishHeader(1, "$rrpc/txd/P/D/2", huge)), new Zeros(huge),
                new ByteArrayInputStream(concat(publish(0, "$rrpc/txd/P/D/3", "x".repeat(1024)), pingResponse())))));
        InboundPacketStream stream = stream(packets);
        long allocatedBefore = allocatedBytes();

        byte[] forPaho = readAll(stream);

        assertThat(allocatedBytes() - allocatedBefore).as("bytes allocated while reading 400 MB").isLessThan(8 << 20);
        assertThat(oversized).containsExactly("$rrpc/txd/P/D/1 " + huge, "$rrpc/txd/P/D/2 " + huge);
        String defusedTopic = "#".repeat("$rrpc/txd/P/D/2".length());
        assertThat(forPaho).as("the QoS 1 message, defused and empty, so that Paho acknowledges it")
                .isEqualTo(concat(publish(1, defusedTopic, new byte[0]), pingResponse()));
        assertThat(topics).containsExactly("$rrpc/txd/P/D/3");
    }

    @Test
    void malformedRemainingLengthEndsTheConnectionWithAnIOExceptionNotTheReader() {
        byte[] fiveLengthBytes = { 0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F };
        InboundPacketStream stream = stream(new ByteArrayInputStream(fiveLengthBytes));
        assertThat(catchThrowable(stream::read)).isInstanceOf(IOException.class).hasMessageContaining("remaining length");
    }

    @Test
    void publishWhoseTopicIsLongerThanThePacketEndsTheConnectionWithAnIOException() {
        maxPayload = 4;
        byte[] lying = { 0x30, 10, 0x00, 0x40, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' };
        InboundPacketStream stream = stream(new ByteArrayInputStream(lying));
        assertThat(catchThrowable(stream::read)).isInstanceOf(IOException.class);
    }

    @Test
    void listenerThatThrowsLosesOnlyItsMessage() throws IOException {
        InboundPacketStream stream = new InboundPacketStream(new ByteArrayInputStream(
                concat(publish(0, "a", "boom"), pingResponse())), new InboundPacketStream.Receiver() {
                    @Override
                    public void message(String topic, byte[] payload) {
                        throw new IllegalStateException("listener bug");
                    }

                    @Override
                    public void topicDefused() {
                    }

                    @Override
                    public void oversized(String topic, int payloadBytes) {
                    }

                    @Override
                    public int maxPayload() {
                        return 1024;
                    }
                });
        assertThat(readAll(stream)).isEqualTo(pingResponse());
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** The fixed and variable header of a PUBLISH (QoS 1: packet id 7) whose payload, not included, has that size. */
    private static byte[] publishHeader(int qos, String topic, int payloadBytes) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        int remaining = 2 + name.length + (qos > 0 ? 2 : 0) + payloadBytes;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30 | qos << 1);
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        out.write(name.length >> 8);
        out.write(name.length & 0xFF);
        out.writeBytes(name);
        if (qos > 0) {
            out.write(0);
            out.write(7);
        }
        return out.toByteArray();
    }

    /** A stream of zero bytes, generated as read. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long count) {
            left = count;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, left);
            Arrays.fill(target, offset, offset + count, (byte) 0);
            left -= count;
            return count;
        }
    }

    private static byte[] publish(int qos, String topic, String payload) {
        return publish(qos, topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** A PUBLISH at QoS 0 or 1 (then with packet id 7), with as many remaining-length bytes as needed. */
    private static byte[] publish(int qos, String topic, byte[] data) {
        return concat(publishHeader(qos, topic, data.length), data);
    }

    private static byte[] pingResponse() {
        return new byte[] { (byte) 0xD0, 0 };
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            out.write(b);
        }
        return out.toByteArray();
    }

    /** Hands out a few bytes at a time and times out in between, as a socket with SO_TIMEOUT does. */
    private static final class TimingOutEveryFewBytes extends InputStream {
        private final byte[] data;
        private int position;
        private boolean timeOutNext;

        TimingOutEveryFewBytes(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            timeOutNext = !timeOutNext;
            if (timeOutNext) {
                throw new SocketTimeoutException("Read timed out");
            }
            if (position == data.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, 7), data.length - position);
            System.arraycopy(data, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
