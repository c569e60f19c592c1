package io.camelrrpc.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stop closes every client's connection, also one whose client is writing as fast as it can while the broker stops:
 * a connection left open by a stopped broker is a half-open one that its client takes for alive until its keep-alive
 * runs out, and any test that restarts the broker then waits on a dead connection.
 */
class EmbeddedMqttBrokerStopIT {

    private static final int STOPS = 30;
    private static final String FILTER = "$rrpc/rxd/P/D/+";

    @Test
    void aStopClosesTheConnectionOfAClientPublishingMeanwhile() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().start()) {
            for (int i = 0; i < STOPS; i++) {
                if (!broker.isRunning()) {
                    broker.start();
                }
                try (Socket socket = connect(broker, "stop-" + i)) {
                    CountDownLatch writing = new CountDownLatch(1);
                    CountDownLatch closed = new CountDownLatch(1);
                    new Thread(() -> readUntilClosed(socket, closed), "reader-" + i).start();
                    Thread publisher = new Thread(() -> publishUntilClosed(socket, writing), "publisher-" + i);
                    publisher.start();
                    writing.await();
                    broker.stop();

                    assertTrue(closed.await(TestMqttClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                            "stop " + i + " left the client's connection open");
                    publisher.join(TimeUnit.SECONDS.toMillis(10));
                }
            }
        }
    }

    /** Connects with MQTT 3.1.1 and reads the CONNACK. */
    private static Socket connect(EmbeddedMqttBroker broker, String clientId) throws Exception {
        Socket socket = new Socket(broker.getHost(), broker.getPort());
        socket.setSoTimeout((int) TestMqttClient.TIMEOUT.toMillis());
        byte[] id = clientId.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] { 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, (byte) id.length });
        body.writeBytes(id);
        OutputStream out = socket.getOutputStream();
        out.write(packet(0x10, body.toByteArray()));
        out.flush();
        byte[] connack = socket.getInputStream().readNBytes(4);
        assertEquals(0x20, connack[0] & 0xff, "CONNACK");
        assertEquals(0, connack[3], "CONNACK return code");
        broker.awaitClientConnected(clientId, TestMqttClient.TIMEOUT);
        ByteArrayOutputStream subscribe = new ByteArrayOutputStream();
        subscribe.writeBytes(new byte[] { 0, 1, 0, (byte) FILTER.length() });
        subscribe.writeBytes(FILTER.getBytes(StandardCharsets.US_ASCII));
        subscribe.write(0);
        out.write(packet(0x82, subscribe.toByteArray()));
        out.flush();
        byte[] suback = socket.getInputStream().readNBytes(5);
        assertEquals(0x90, suback[0] & 0xff, "SUBACK");
        return socket;
    }

    /** QoS 0 PUBLISH packets as fast as the socket takes them, until it is closed. */
    private static void publishUntilClosed(Socket socket, CountDownLatch writing) {
        byte[] topic = "$rrpc/rxd/P/D/0000000000000001".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] { 0, (byte) topic.length });
        body.writeBytes(topic);
        body.writeBytes(new byte[16]);
        byte[] publish = packet(0x30, body.toByteArray());
        try {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; ; i++) {
                out.write(publish);
                if (i == 64) {
                    writing.countDown();
                }
            }
        } catch (IOException closed) {
            writing.countDown();
        }
    }

    /** Reads what the broker sends (the client's own messages) until the broker closes the connection. */
    private static void readUntilClosed(Socket socket, CountDownLatch closed) {
        try {
            socket.setSoTimeout(0);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // the client's own messages
            }
        } catch (IOException reset) {
            // closed too
        }
        closed.countDown();
    }

    /** A packet with a one- or two-byte remaining length. */
    private static byte[] packet(int type, byte[] body) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(type);
        int length = body.length;
        if (length < 128) {
            packet.write(length);
        } else {
            packet.write(length % 128 | 0x80);
            packet.write(length / 128);
        }
        packet.writeBytes(body);
        return packet.toByteArray();
    }
}
