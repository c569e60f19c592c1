package io.camelrrpc.component;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest MQTT publisher: CONNECT (MQTT 3.1.1 or 5), PUBLISH at QoS 0, DISCONNECT, written byte by byte on a
 * socket. It sends any UTF-8 topic as it is, including characters MQTT advises against (noncharacters such as
 * U+FDD0) and ones outside the Basic Multilingual Plane, as a device written in C would; on MQTT 5 it sends any
 * property bytes, well-formed or not ({@link Properties}).
 */
final class RawMqttPublisher implements AutoCloseable {

    private static final int MQTT_3_1_1 = 4;
    private static final int MQTT_5 = 5;

    private final Socket socket;
    private final OutputStream out;
    private final int protocolLevel;

    private RawMqttPublisher(Socket socket, int protocolLevel) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.protocolLevel = protocolLevel;
    }

    /** Connects with MQTT 3.1.1 and a clean session, and waits for the broker to accept. */
    static RawMqttPublisher connect(String brokerUrl, String clientId) throws IOException {
        return connect(brokerUrl, clientId, MQTT_3_1_1);
    }

    /** Connects with MQTT 5 and a clean start, and waits for the broker to accept. */
    static RawMqttPublisher connectMqtt5(String brokerUrl, String clientId) throws IOException {
        return connect(brokerUrl, clientId, MQTT_5);
    }

    private static RawMqttPublisher connect(String brokerUrl, String clientId, int protocolLevel) throws IOException {
        URI uri = URI.create(brokerUrl);
        RawMqttPublisher publisher = new RawMqttPublisher(new Socket(uri.getHost(), uri.getPort()), protocolLevel);
        ByteArrayOutputStream connect = new ByteArrayOutputStream();
        writeString(connect, "MQTT");
        connect.write(protocolLevel);
        connect.write(0x02);   // clean session / clean start
        connect.write(0);
        connect.write(60);     // keep-alive 60 s
        if (protocolLevel == MQTT_5) {
            connect.write(0);  // no CONNECT properties
        }
        writeString(connect, clientId);
        publisher.send(0x10, connect.toByteArray());
        DataInputStream in = new DataInputStream(publisher.socket.getInputStream());
        assertThat(in.readUnsignedByte()).as("CONNACK").isEqualTo(0x20);
        byte[] connack = new byte[in.readUnsignedByte()]; // flags, code and (MQTT 5) properties: under 128 bytes
        in.readFully(connack);
        assertThat(connack[1]).as("CONNACK return/reason code").isZero();
        return publisher;
    }

    /** Publishes at QoS 0, on MQTT 5 without properties; the topic goes out as its UTF-8 bytes. */
    void publish(String topic, byte[] payload) throws IOException {
        publish(topic, new Properties(), payload);
    }

    /** Publishes at QoS 0 with these MQTT 5 properties, sent as they are (on MQTT 3.1.1 they must be empty). */
    void publish(String topic, Properties properties, byte[] payload) throws IOException {
        ByteArrayOutputStream publish = new ByteArrayOutputStream();
        writeString(publish, topic);
        writeProperties(publish, properties);
        publish.write(payload);
        send(0x30, publish.toByteArray());
    }

    /** Publishes a payload of zeros at QoS 0, streamed: this side never holds it in memory. */
    void publishZeros(String topic, int payloadBytes) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        writeString(head, topic);
        writeProperties(head, new Properties());
        out.write(0x30);
        out.write(variableByteInteger(head.size() + payloadBytes));
        head.writeTo(out);
        byte[] chunk = new byte[64 * 1024];
        for (int left = payloadBytes; left > 0; left -= chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, left));
        }
        out.flush();
    }

    /**
     * Waits for the broker to close this connection (after a DISCONNECT packet or without one).
     *
     * @return whether it did within the time
     */
    boolean closedByBroker(Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // a DISCONNECT with its reason code may come first
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the broker
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                send(0xE0, protocolLevel == MQTT_5 ? new byte[] { 0 } : new byte[0]);
            }
        } catch (IOException e) {
            // the broker closed it already
        } finally {
            socket.close();
        }
    }

    private void writeProperties(ByteArrayOutputStream packet, Properties properties) {
        if (protocolLevel == MQTT_5) {
            packet.writeBytes(variableByteInteger(properties.bytes.size()));
            packet.writeBytes(properties.bytes.toByteArray());
        } else {
            assertThat(properties.bytes.size()).as("MQTT 3.1.1 has no properties").isZero();
        }
    }

    private void send(int header, byte[] body) throws IOException {
        out.write(header);
        out.write(variableByteInteger(body.length));
        out.write(body);
        out.flush();
    }

    /** Remaining length and property length: 7 bits a byte, the high bit set on all but the last. */
    private static byte[] variableByteInteger(int value) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(4);
        int rest = value;
        do {
            int digit = rest % 128;
            rest /= 128;
            encoded.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        return encoded.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        writeBinary(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBinary(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    /** The property bytes of an MQTT 5 PUBLISH, written as they are added: nothing is checked. */
    static final class Properties {

        private static final int PAYLOAD_FORMAT_INDICATOR = 0x01;
        private static final int RESPONSE_TOPIC = 0x08;
        private static final int CORRELATION_DATA = 0x09;

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        /** Payload format indicator 1: the payload claims to be UTF-8 text. */
        Properties utf8Payload() {
            bytes.write(PAYLOAD_FORMAT_INDICATOR);
            bytes.write(1);
            return this;
        }

        Properties responseTopic(String topic) {
            bytes.write(RESPONSE_TOPIC);
            writeString(bytes, topic);
            return this;
        }

        Properties correlationData(String data) {
            bytes.write(CORRELATION_DATA);
            writeString(bytes, data);
            return this;
        }

        /** Any bytes, e.g. an unknown property identifier or a length that runs past the properties. */
        Properties raw(int... raw) {
            for (int b : raw) {
                bytes.write(b);
            }
            return this;
        }
    }
}
