package io.camelrrpc.component;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an MQTT broker that passes whole packets each way through a {@link PacketRule}: a rule may
 * change a packet's bytes in place (its length stays) or close the connection at it, as a misbehaving broker would.
 */
final class MqttPacketProxy implements AutoCloseable {

    /** What the proxy does with each packet going one way. */
    @FunctionalInterface
    interface PacketRule {

        /** Passes every packet on unchanged. */
        PacketRule PASS = packet -> true;

        /**
         * @param packet the packet, whose body the rule may change in place
         * @return whether to pass it on; {@code false} closes the connection before the other side gets it
         */
        boolean forward(Packet packet);
    }

    /** One MQTT packet: its fixed header byte (type and flags) and the body after the remaining length. */
    record Packet(int header, byte[] body) {

        private static final int PUBLISH = 0x3;

        boolean isPublish() {
            return header >> 4 == PUBLISH;
        }
    }

    private final String brokerHost;
    private final int brokerPort;
    private final PacketRule toBroker;
    private final PacketRule toClient;
    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    MqttPacketProxy(String brokerUrl, PacketRule toBroker, PacketRule toClient) throws IOException {
        URI broker = URI.create(brokerUrl);
        brokerHost = broker.getHost();
        brokerPort = broker.getPort();
        this.toBroker = toBroker;
        this.toClient = toClient;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "mqtt-packet-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The URL clients connect to instead of the broker's. */
    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(brokerHost, brokerPort);
                connections.incrementAndGet();
                pump("to-client", () -> forwardPackets(broker.getInputStream(), client.getOutputStream(), toClient),
                        client, broker);
                pump("to-broker", () -> forwardPackets(client.getInputStream(), broker.getOutputStream(), toBroker),
                        client, broker);
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** Copies whole packets through the rule until a side closes or the rule stops one. */
    private static void forwardPackets(InputStream from, OutputStream to, PacketRule rule) throws IOException {
        DataInputStream in = new DataInputStream(from);
        byte[] remainingLength = new byte[4];
        while (true) {
            int header = in.readUnsignedByte();
            int length = 0;
            int digits = 0;
            int digit;
            do {
                digit = in.readUnsignedByte();
                remainingLength[digits] = (byte) digit;
                length |= (digit & 0x7f) << 7 * digits++;
            } while ((digit & 0x80) != 0);
            byte[] body = new byte[length];
            in.readFully(body);
            if (!rule.forward(new Packet(header, body))) {
                return;
            }
            to.write(header);
            to.write(remainingLength, 0, digits);
            to.write(body);
            to.flush();
        }
    }

    private interface Copy {
        void run() throws IOException;
    }

    /** Runs the copy on its own thread, then closes both sockets. */
    private static void pump(String name, Copy copy, Socket client, Socket broker) {
        Thread thread = new Thread(() -> {
            try {
                copy.run();
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(client);
                closeQuietly(broker);
            }
        }, "mqtt-packet-proxy-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
