package io.camelrrpc.component.internal.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain TCP sockets for Paho: TCP_NODELAY (without it, Nagle plus delayed ACKs make a call with one message in
 * flight wait ~40 ms for nothing; measured 16-18 round trips/s instead of ~5,000), an {@link InboundPacketStream} in
 * front of what Paho reads and an {@link OutboundPacketStream} in front of what it writes.
 */
final class GuardedSocketFactory extends SocketFactory {

    private final boolean tcpNoDelay;
    private final InboundPacketStream.Receiver receiver;
    private final long writeLockTimeoutMillis;
    private volatile OutboundPacketStream latestOutbound;

    /**
     * See {@link InboundPacketStream#InboundPacketStream(InputStream, InboundPacketStream.Receiver)} and
     * {@link OutboundPacketStream#OutboundPacketStream(OutputStream, long, Runnable)}.
     */
    GuardedSocketFactory(boolean tcpNoDelay, InboundPacketStream.Receiver receiver, long writeLockTimeoutMillis) {
        this.tcpNoDelay = tcpNoDelay;
        this.receiver = receiver;
        this.writeLockTimeoutMillis = writeLockTimeoutMillis;
    }

    /** The write side of the socket Paho opened last (the one it is connected on, once connected), or null. */
    OutboundPacketStream latestOutbound() {
        return latestOutbound;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket() {
            private InputStream guarded;
            private OutboundPacketStream outbound;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (guarded == null) {
                    guarded = new InboundPacketStream(super.getInputStream(), receiver);
                }
                return guarded;
            }

            @Override
            public synchronized OutputStream getOutputStream() throws IOException {
                if (outbound == null) {
                    outbound = new OutboundPacketStream(super.getOutputStream(), writeLockTimeoutMillis,
                            this::closeQuietly);
                    latestOutbound = outbound;
                }
                return outbound;
            }

            private void closeQuietly() {
                try {
                    close();
                } catch (IOException e) {
                    // closing because it failed already
                }
            }
        };
        socket.setTcpNoDelay(tcpNoDelay);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        socket.connect(remote);
        return socket;
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        socket.bind(local);
        socket.connect(remote);
        return socket;
    }
}
