package io.camelrrpc.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeoutException;

/**
 * An in-process MQTT 3.1.1 broker (Moquette 0.17) for development, examples and tests.
 * <p>
 * It keeps everything in memory (no files are written), sends no telemetry, listens on the loopback
 * interface by default and accepts {@code $}-prefixed topics such as {@code $rrpc/rxd/P/D/ID}.
 * MQTT 5 and shared subscriptions are not supported by Moquette, and unlike mosquitto its {@code #}
 * and {@code +} filters also match {@code $} topics. Stopping takes milliseconds (see {@link QuickStop}).
 * <p>
 * Moquette logs every MQTT packet at INFO through the logger
 * {@code io.moquette.broker.metrics.MQTTMessageLogger}; set {@code io.moquette} to WARN in the
 * logging configuration of applications and tests.
 */
public final class EmbeddedMqttBroker implements MqttBroker {

    /** Default maximum size of one MQTT packet: room for a 1 MiB payload plus topic and headers. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 2 * 1024 * 1024;

    /** Default of {@link Builder#clientBufferBytes(int)}: 16 MiB. */
    public static final int DEFAULT_CLIENT_BUFFER_BYTES = 16 * 1024 * 1024;

    private static final int SESSION_QUEUE_SIZE = 32 * 1024;

    private final String host;
    private final int maxMessageSize;
    private final String username;
    private final String password;
    private final int clientBufferBytes;
    private Server server;
    private ClientChannels channels;
    private OutboundBufferRaiser raiser;
    private ConnectedClients connectedClients;
    private int port;

    private EmbeddedMqttBroker(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.maxMessageSize = builder.maxMessageSize;
        this.username = builder.username;
        this.password = builder.password;
        this.clientBufferBytes = builder.clientBufferBytes;
    }

    /** @return a builder with the defaults: 127.0.0.1, a free port, 2 MiB packets, anonymous access */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker. When the port is 0, a free port is chosen at the first start and kept for
     * later restarts, so clients can reconnect to the same URL.
     *
     * @return this broker, for chaining
     * @throws IllegalStateException if the broker is already running or cannot start
     */
    public synchronized EmbeddedMqttBroker start() {
        if (server != null) {
            throw new IllegalStateException("Broker already running on port " + port);
        }
        if (port == 0) {
            // Moquette bound to port 0 reports 0 from getPort() right after startServer()
            port = FreePorts.pick(host);
        }
        Server newServer = new Server();
        ClientChannels newChannels = new ClientChannels(newServer);
        OutboundBufferRaiser newRaiser = new OutboundBufferRaiser(newChannels, clientBufferBytes);
        ConnectedClients newClients = new ConnectedClients();
        try {
            newServer.startServer(config(), List.of(newRaiser, newClients), null, authenticator(), null);
        } catch (IOException | RuntimeException e) {
            IllegalStateException failure = new IllegalStateException(
                    "Cannot start Moquette on " + host + ":" + port, e);
            try {
                newServer.stopServer();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        server = newServer;
        channels = newChannels;
        raiser = newRaiser;
        connectedClients = newClients;
        return this;
    }

    /**
     * Waits until the broker has completed the connection of this client. Moquette accepts a client's packets only
     * then, a little after the client has read its CONNACK: a SUBSCRIBE sent at once can make it drop the client
     * ("SUBSCRIBE received on already closed connection"), more often on a busy machine.
     *
     * @throws TimeoutException if the client is not connected within the timeout
     */
    public void awaitClientConnected(String clientId, Duration timeout) throws InterruptedException, TimeoutException {
        ConnectedClients clients;
        synchronized (this) {
            if (connectedClients == null) {
                throw new IllegalStateException("The broker is not running");
            }
            clients = connectedClients;
        }
        clients.await(clientId, timeout);
    }

    /**
     * Stops the broker and drops all sessions; does nothing when it is not running. Every client's connection is closed
     * first (see {@link ConnectionCloser}): its client learns at once that the broker is gone.
     */
    public synchronized void stop() {
        if (server != null) {
            ConnectionCloser.closeAll(channels);
            QuickStop.shutDownEventLoops(server);
            server.stopServer();
            server = null;
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** @return whether {@link #start()} succeeded and {@link #stop()} was not called since */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Client connections whose write-buffer mark was raised to the client buffer size since the last start. */
    synchronized long raisedClientBuffers() {
        return raiser == null ? 0 : raiser.raised();
    }

    /** @return the host (IP address) the broker listens on */
    public String getHost() {
        return host;
    }

    /** @return the TCP port; 0 only before the first start of a broker built with port 0 */
    public synchronized int getPort() {
        return port;
    }

    /** @return the URL for MQTT clients, e.g. {@code tcp://127.0.0.1:41883} */
    public String getBrokerUrl() {
        return "tcp://" + host + ":" + getPort();
    }

    private IConfig config() {
        Properties props = new Properties();
        props.setProperty(IConfig.HOST_PROPERTY_NAME, host);
        props.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        props.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(maxMessageSize));
        props.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        props.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        props.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(username == null));
        // each of Moquette's session threads takes work from a queue of this many entries and drops what does not
        // fit (Moquette's default, 1,024, lost most of a burst of 4,096 calls)
        props.setProperty(IConfig.SESSION_QUEUE_SIZE, Integer.toString(SESSION_QUEUE_SIZE));
        return new MemoryConfig(props);
    }

    private IAuthenticator authenticator() {
        if (username == null) {
            return (clientId, user, pwd) -> true;
        }
        byte[] expected = password.getBytes(StandardCharsets.UTF_8);
        return (clientId, user, pwd) -> username.equals(user) && pwd != null
                && MessageDigest.isEqual(expected, pwd);
    }

    /** Options of an {@link EmbeddedMqttBroker}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private String username;
        private String password;
        private int clientBufferBytes = DEFAULT_CLIENT_BUFFER_BYTES;

        private Builder() {
        }

        /** @param host the IP address to listen on (default 127.0.0.1) */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** @param port the TCP port, 0 (default) for a free one chosen at start */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** @param bytes the largest MQTT packet accepted (Moquette key {@code netty.mqtt.message_size}) */
        public Builder maxMessageSize(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxMessageSize must be positive: " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * @param bytes how many bytes of messages the broker holds for one client that it has not written to the
         *              socket yet, before it drops QoS 0 messages to that client (Moquette's own mark is 64 KB, which
         *              a burst of 16 messages of 4 KB fills)
         */
        public Builder clientBufferBytes(int bytes) {
            if (bytes < 2) {
                throw new IllegalArgumentException("clientBufferBytes must be at least 2: " + bytes);
            }
            this.clientBufferBytes = bytes;
            return this;
        }

        /** Requires these credentials from every client and refuses anonymous ones. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** @return a broker that is not started yet */
        public EmbeddedMqttBroker build() {
            return new EmbeddedMqttBroker(this);
        }

        /** @return a started broker */
        public EmbeddedMqttBroker start() {
            return build().start();
        }
    }
}
