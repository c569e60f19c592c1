package io.camelrrpc.component.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicGuardInputStreamTest {

    private final AtomicInteger defused = new AtomicInteger();

    @Test
    void passesPacketsPahoCanDecodeUnchanged() throws IOException {
        byte[] packets = concat(publish("$rrpc/txd/P/D/1", "ok"), publish("$rrpc/txd/温度/D/2", "é"), pingResponse());
        assertThat(readAll(new TopicGuardInputStream(new ByteArrayInputStream(packets), defused::incrementAndGet)))
                .isEqualTo(packets);
        assertThat(defused).hasValue(0);
    }

    @Test
    void overwritesTopicsPahoCannotDecodeKeepingTheFraming() throws IOException {
        for (String bad : new String[] { "\uD83D\uDE00", "\uFF01" }) {
            byte[] packets = concat(publish("$rrpc/txd/P/D/" + bad, "payload"), publish("$rrpc/txd/P/D/1", "next"));
            byte[] read = readAll(new TopicGuardInputStream(new ByteArrayInputStream(packets), defused::incrementAndGet));
            String expectedTopic = "#".repeat(("$rrpc/txd/P/D/" + bad).getBytes(StandardCharsets.UTF_8).length);
            assertThat(read).isEqualTo(concat(publish(expectedTopic, "payload"), publish("$rrpc/txd/P/D/1", "next")));
        }
        assertThat(defused).hasValue(2);
    }

    @Test
    void malformedUtf8IsDefusedToo() {
        assertThat(TopicGuardInputStream.pahoCanDecode(new byte[] { 'a', (byte) 0xC3 }, 0, 2)).isFalse();
        assertThat(TopicGuardInputStream.pahoCanDecode(new byte[] { 'a', 0 }, 0, 2)).isFalse();
        assertThat(TopicGuardInputStream.pahoCanDecode("ok/é".getBytes(StandardCharsets.UTF_8), 0, 5)).isTrue();
    }

    @Test
    void keepsAPartlyReadPacketAcrossSocketTimeouts() throws IOException {
        byte[] packet = publish("$rrpc/txd/P/D/\uFF01", "x".repeat(300));
        TopicGuardInputStream guard = new TopicGuardInputStream(new TimingOutEveryFewBytes(packet), defused::incrementAndGet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64];
        while (out.size() < packet.length) {
            try {
                int n = guard.read(chunk, 0, chunk.length);
                out.write(chunk, 0, n);
            } catch (SocketTimeoutException e) {
                // Paho retries after its socket timeout
            }
        }
        assertThat(out.size()).isEqualTo(packet.length);
        assertThat(defused).hasValue(1);
    }

    /** A PUBLISH at QoS 0, with a two-byte remaining length when needed. */
    private static byte[] publish(String topic, String payload) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        int remaining = 2 + name.length + data.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        out.write(name.length >> 8);
        out.write(name.length & 0xFF);
        out.writeBytes(name);
        out.writeBytes(data);
        return out.toByteArray();
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
