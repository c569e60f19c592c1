package io.camelrrpc.component;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest MQTT 3.1.1 publisher: CONNECT, PUBLISH at QoS 0, DISCONNECT, written byte by byte on a socket. It
 * sends any valid UTF-8 topic as it is, including characters that Paho 1.2.5 refuses to encode (those outside the
 * Basic Multilingual Plane and from U+FDD0 up), as a device written in C would.
 */
final class RawMqttPublisher implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    private RawMqttPublisher(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects with a clean session and waits for the broker to accept. */
    static RawMqttPublisher connect(String brokerUrl, String clientId) throws IOException {
        URI uri = URI.create(brokerUrl);
        RawMqttPublisher publisher = new RawMqttPublisher(new Socket(uri.getHost(), uri.getPort()));
        ByteArrayOutputStream connect = new ByteArrayOutputStream();
        writeString(connect, "MQTT");
        connect.write(4);      // protocol level 3.1.1
        connect.write(0x02);   // clean session
        connect.write(0);
        connect.write(60);     // keep-alive 60 s
        writeString(connect, clientId);
        publisher.send(0x10, connect.toByteArray());
        byte[] connack = new byte[4];
        new DataInputStream(publisher.socket.getInputStream()).readFully(connack);
        assertThat(connack).as("CONNACK accepted").containsExactly(0x20, 0x02, 0x00, 0x00);
        return publisher;
    }

    /** Publishes at QoS 0; the topic goes out as its UTF-8 bytes. */
    void publish(String topic, byte[] payload) throws IOException {
        ByteArrayOutputStream publish = new ByteArrayOutputStream();
        writeString(publish, topic);
        publish.write(payload);
        send(0x30, publish.toByteArray());
    }

    @Override
    public void close() throws IOException {
        try {
            send(0xE0, new byte[0]);
        } finally {
            socket.close();
        }
    }

    private void send(int header, byte[] body) throws IOException {
        out.write(header);
        for (int length = body.length; ; ) {   // remaining length, 7 bits a byte
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
            if (length == 0) {
                break;
            }
        }
        out.write(body);
        out.flush();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }
}
