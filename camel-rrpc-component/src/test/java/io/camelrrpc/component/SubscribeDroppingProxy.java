package io.camelrrpc.component;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an MQTT broker that closes the client's connection when it sees the first SUBSCRIBE packet
 * (fixed header byte {@code 0x82}), before the broker gets it, as a broker that drops a client subscribing right
 * after connecting does. Everything else passes through unchanged.
 */
final class SubscribeDroppingProxy implements AutoCloseable {

    private static final int SUBSCRIBE = 0x82;

    private final String brokerHost;
    private final int brokerPort;
    private final ServerSocket server;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final AtomicInteger connections = new AtomicInteger();

    SubscribeDroppingProxy(String brokerUrl) throws IOException {
        URI broker = URI.create(brokerUrl);
        brokerHost = broker.getHost();
        brokerPort = broker.getPort();
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "subscribe-dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The URL clients connect to instead of the broker's. */
    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Whether a connection was closed at its SUBSCRIBE. */
    boolean dropped() {
        return dropped.get();
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
                pump("to-client", () -> broker.getInputStream().transferTo(client.getOutputStream()), client, broker);
                pump("to-broker", () -> forwardPackets(client.getInputStream(), broker.getOutputStream()), client,
                        broker);
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** Copies whole packets, and stops at the first SUBSCRIBE of this proxy's life. */
    private void forwardPackets(InputStream from, OutputStream to) throws IOException {
        DataInputStream in = new DataInputStream(from);
        while (true) {
            int header = in.readUnsignedByte();
            if (header == SUBSCRIBE && dropped.compareAndSet(false, true)) {
                return;
            }
            to.write(header);
            int length = 0;
            int shift = 0;
            int digit;
            do {
                digit = in.readUnsignedByte();
                to.write(digit);
                length |= (digit & 0x7f) << shift;
                shift += 7;
            } while ((digit & 0x80) != 0);
            byte[] body = new byte[length];
            in.readFully(body);
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
        }, "subscribe-dropping-proxy-" + name);
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
