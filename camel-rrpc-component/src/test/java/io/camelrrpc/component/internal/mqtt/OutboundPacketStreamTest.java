package io.camelrrpc.component.internal.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundPacketStreamTest {

    private final AtomicInteger broken = new AtomicInteger();

    /** A packet whose payload names it, so that the written stream can be checked packet by packet. */
    private static byte[] packet(String id, int payloadSize) {
        byte[] payload = new byte[payloadSize];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (id.hashCode() + i);
        }
        return Qos0Publish.encode(id, payload);
    }

    @Test
    void packetsOfOtherThreadsGoBetweenPahosPacketsEvenWhenPahoWritesInPieces() throws Exception {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        OutboundPacketStream stream = new OutboundPacketStream(socket, 10_000, broken::incrementAndGet);
        Random random = new Random(7);
        List<byte[]> pahos = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pahos.add(packet("paho/" + i, random.nextInt(3) == 0 ? 20_000 + random.nextInt(5_000) : random.nextInt(200)));
        }
        ExecutorService others = Executors.newFixedThreadPool(3);
        List<byte[]> theirs = new ArrayList<>();
        List<Future<?>> done = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 3; t++) {
            List<byte[]> mine = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                mine.add(packet("direct/" + t + "/" + i, i % 50 == 0 ? 70_000 : i % 7));
            }
            theirs.addAll(mine);
            done.add(others.submit(() -> {
                start.await();
                for (byte[] p : mine) {
                    stream.writePacket(p);
                }
                return null;
            }));
        }
        start.countDown();
        for (byte[] p : pahos) { // Paho: pieces of 1 to 9 bytes through the header, then up to 8 KB
            int at = 0;
            while (at < p.length) {
                int n = Math.min(p.length - at, at < 6 ? 1 + random.nextInt(3) : 1 + random.nextInt(8192));
                stream.write(p, at, n);
                at += n;
            }
            stream.flush();
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        others.shutdown();

        List<byte[]> written = split(socket.toByteArray());
        assertThat(written).hasSize(pahos.size() + theirs.size());
        Set<ByteBuffer> expected = new HashSet<>();
        pahos.forEach(p -> expected.add(ByteBuffer.wrap(p)));
        theirs.forEach(p -> expected.add(ByteBuffer.wrap(p)));
        Set<ByteBuffer> actual = new HashSet<>();
        written.forEach(p -> actual.add(ByteBuffer.wrap(p)));
        assertThat(actual).isEqualTo(expected);
        List<byte[]> pahosInOrder = written.stream().filter(p -> topicOf(p).startsWith("paho/")).toList();
        for (int i = 0; i < pahos.size(); i++) {
            assertThat(pahosInOrder.get(i)).isEqualTo(pahos.get(i));
        }
        assertThat(broken).hasValue(0);
    }

    @Test
    void aPacketPahoLeavesHalfWrittenMakesOthersFailAfterTheTimeoutInsteadOfWaitingForever() throws Exception {
        OutboundPacketStream stream = new OutboundPacketStream(new ByteArrayOutputStream(), 50, broken::incrementAndGet);
        byte[] p = packet("half", 100);
        stream.write(p, 0, 50);

        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<?> attempt = other.submit(() -> {
            stream.writePacket(packet("mine", 1));
            return null;
        });
        assertThatThrownBy(() -> attempt.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("busy writing for more than 50 ms");

        stream.write(p, 50, p.length - 50); // the rest: the connection is free again
        other.submit(() -> {
            stream.writePacket(packet("mine", 1));
            return null;
        }).get(5, TimeUnit.SECONDS);
        other.shutdown();
    }

    @Test
    void aFailedWriteClosesTheConnectionAndFreesIt() throws Exception {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }
        };
        OutboundPacketStream stream = new OutboundPacketStream(failing, 50, broken::incrementAndGet);
        byte[] p = packet("x", 10);

        assertThatThrownBy(() -> stream.writePacket(p)).hasMessage("broken pipe");
        assertThat(broken).hasValue(1);
        assertThatThrownBy(() -> stream.write(p, 0, 3)).hasMessage("broken pipe"); // Paho's write fails, mid-packet
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<?> attempt = other.submit(() -> {
            stream.writePacket(p);
            return null;
        });
        assertThatThrownBy(() -> attempt.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("broken pipe"); // not "busy": Paho's failed write let go of the lock
        other.shutdown();
    }

    private static String topicOf(byte[] packet) {
        int at = 1;
        while ((packet[at] & 0x80) != 0) {
            at++;
        }
        int length = (packet[at + 1] & 0xFF) << 8 | packet[at + 2] & 0xFF;
        return new String(packet, at + 3, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Splits a stream of MQTT packets at the boundaries its fixed headers give. */
    private static List<byte[]> split(byte[] stream) {
        List<byte[]> packets = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int start = at++;
            int remaining = 0;
            int multiplier = 1;
            int digit;
            do {
                digit = stream[at++];
                remaining += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            } while ((digit & 0x80) != 0);
            at += remaining;
            byte[] p = new byte[at - start];
            System.arraycopy(stream, start, p, 0, p.length);
            packets.add(p);
        }
        return packets;
    }
}
