package io.camelrrpc.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Finds TCP ports that are free at the time of the call, and probes whether one is taken by a listener. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * Asks the operating system for a free ephemeral port on the given address.
     * The port is released again, so another process may take it before the caller binds it.
     */
    static int pick(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    /** @return whether a listener accepts a connection on that port within the timeout */
    static boolean accepts(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
