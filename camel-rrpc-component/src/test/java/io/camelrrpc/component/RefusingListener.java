package io.camelrrpc.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Takes over a stopped broker's port: accepts every connection and closes it at once, as a broker that is not
 * ready yet, and records when each came. Tells when a client tried to reconnect.
 */
final class RefusingListener implements AutoCloseable {

    private final ServerSocket server;
    private final List<Long> attemptNanos = new CopyOnWriteArrayList<>();

    RefusingListener(String host, int port) {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
        }
        Thread acceptor = new Thread(this::refuse, "refusing-listener-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void refuse() {
        while (!server.isClosed()) {
            try (Socket ignored = server.accept()) {
                attemptNanos.add(System.nanoTime());
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** {@link System#nanoTime()} of each connection attempt, in order. */
    List<Long> attempts() {
        return List.copyOf(attemptNanos);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
