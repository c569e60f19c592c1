package io.camelrrpc.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds TCP ports that are free at the time of the call. */
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
}
