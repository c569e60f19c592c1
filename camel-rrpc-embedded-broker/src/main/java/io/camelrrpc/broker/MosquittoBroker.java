package io.camelrrpc.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A mosquitto broker (the Debian {@code mosquitto} binary) run as a separate process on loopback
 * ports, for tests that need an independent broker: restarts, TLS, password files and bridges.
 * <p>
 * The configuration, the optional password file and the log live in a temporary folder that
 * {@link #close()} deletes. The log is mosquitto's stdout and stderr, line-buffered through
 * {@code stdbuf} so it can be read while the broker runs. Ports are chosen when the broker is built
 * and kept across {@link #restart()}. Note that mosquitto's {@code #} filter does not match
 * {@code $} topics such as {@code $rrpc/...}, per the MQTT specification.
 */
public final class MosquittoBroker implements MqttBroker {

    /**
     * Bridge topic lines: {@code #} alone does not carry {@code $rrpc/...} topics, which need their
     * own pattern. QoS 1 keeps the publisher's QoS (up to 1) across the bridge.
     */
    private static final List<String> BRIDGE_TOPIC_LINES = List.of("topic # both 1", "topic $rrpc/# both 1");

    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 30;
    private static final Pattern RUNNING = Pattern.compile("mosquitto version \\S+ running");

    private final int port;
    private final int tlsPort;
    private final int webSocketPort;
    private final int secureWebSocketPort;
    private final TlsCertificates tls;
    /** User name to password; empty for an anonymous broker. */
    private Map<String, String> users;
    private final MosquittoBroker bridgeRemote;
    private final boolean logPackets;
    private final Path dir;
    private Process process;
    private Thread killOnExit;

    private MosquittoBroker(Builder builder) {
        this.port = builder.port == 0 ? FreePorts.pick(HOST) : builder.port;
        this.tls = builder.tls;
        this.tlsPort = tls == null ? 0 : otherFreePort(port);
        this.webSocketPort = builder.webSockets ? otherFreePort(port, tlsPort) : 0;
        this.secureWebSocketPort = builder.webSockets && tls != null ? otherFreePort(port, tlsPort, webSocketPort) : 0;
        this.users = Map.copyOf(builder.users);
        this.bridgeRemote = builder.bridgeRemote;
        this.logPackets = builder.logPackets;
        this.dir = TempDirectories.create("camel-rrpc-mosquitto-");
    }

    private static int otherFreePort(int... taken) {
        while (true) {
            int candidate = FreePorts.pick(HOST);
            if (IntStream.of(taken).noneMatch(port -> port == candidate)) {
                return candidate;
            }
        }
    }

    /** @return whether the {@code mosquitto} binary is on the PATH or in {@code /usr/sbin} */
    public static boolean isInstalled() {
        return Executables.find("mosquitto").isPresent();
    }

    /** @return a builder for a plain, anonymous broker on a free loopback port */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the configuration, launches mosquitto and waits until it logs that it runs, which it
     * does once all its listeners are open. (Probing the port instead would also succeed when
     * another process holds it and mosquitto exits.)
     *
     * @return this broker, for chaining
     * @throws IllegalStateException if it is already running, exits or does not start within 10 s
     *         (the message ends with the log tail)
     */
    public synchronized MosquittoBroker start() {
        if (process != null) {
            throw new IllegalStateException("mosquitto already running on port " + port);
        }
        Path binary = Executables.require("mosquitto", "mosquitto");
        Path stdbuf = Executables.require("stdbuf", "coreutils");
        long logOffset;
        try {
            writeConfig();
            logOffset = Files.exists(getLogFile()) ? Files.size(getLogFile()) : 0;
            process = new ProcessBuilder(stdbuf.toString(), "-oL", "-eL", binary.toString(),
                    "-c", configFile().toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(getLogFile().toFile()))
                    .start();
            // a test that fails before close() must not leave mosquitto running after the JVM
            killOnExit = new Thread(process::destroyForcibly, "mosquitto-kill-on-exit");
            Runtime.getRuntime().addShutdownHook(killOnExit);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + binary, e);
        }
        try {
            awaitRunning(logOffset);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return this;
    }

    /** Terminates mosquitto (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while stopping mosquitto", e);
        } finally {
            process = null;
            removeShutdownHook();
        }
    }

    /**
     * Replaces the users the broker accepts, from its next {@link #start()} or {@link #restart()} on (e.g. to test
     * that clients log in afresh after a restart). An empty map makes it anonymous.
     *
     * @param users user name to password
     */
    public synchronized void setCredentials(Map<String, String> users) {
        this.users = Map.copyOf(users);
    }

    /** Stops and starts mosquitto again on the same ports, dropping all clients and sessions. */
    public synchronized MosquittoBroker restart() {
        stop();
        return start();
    }

    /** Stops mosquitto and deletes its folder (configuration, password file and log). */
    @Override
    public synchronized void close() {
        stop();
        TempDirectories.delete(dir);
    }

    /** @return whether the mosquitto process is alive */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Stops mosquitto from running ({@code SIGSTOP}) while its sockets stay open: clients see a broker that accepts
     * bytes and never answers, as a stalled or overloaded one. {@link #resume()} lets it go on.
     *
     * @throws IllegalStateException if it is not running
     */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** Lets a {@link #pause() paused} mosquitto run again ({@code SIGCONT}). */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (!isRunning()) {
            throw new IllegalStateException("mosquitto is not running");
        }
        // stdbuf execs mosquitto, so the process we started is mosquitto itself
        Executables.run(dir, List.of(Executables.require("kill", "procps").toString(), signal,
                String.valueOf(process.pid())));
    }

    /** @return the plain MQTT port on 127.0.0.1 */
    public int getPort() {
        return port;
    }

    /** @return the TLS port on 127.0.0.1, or 0 without TLS */
    public int getTlsPort() {
        return tlsPort;
    }

    /** @return e.g. {@code tcp://127.0.0.1:41883} */
    public String getBrokerUrl() {
        return "tcp://" + HOST + ":" + port;
    }

    /**
     * @return e.g. {@code ssl://127.0.0.1:41884}
     * @throws IllegalStateException if the broker was built without TLS
     */
    public String getTlsBrokerUrl() {
        if (tls == null) {
            throw new IllegalStateException("mosquitto was built without TLS");
        }
        return "ssl://" + HOST + ":" + tlsPort;
    }

    /**
     * @return e.g. {@code ws://127.0.0.1:41885/mqtt}
     * @throws IllegalStateException if the broker was built without WebSocket listeners
     */
    public String getWebSocketBrokerUrl() {
        if (webSocketPort == 0) {
            throw new IllegalStateException("mosquitto was built without WebSocket listeners");
        }
        return "ws://" + HOST + ":" + webSocketPort + "/mqtt";
    }

    /**
     * @return e.g. {@code wss://127.0.0.1:41886/mqtt}
     * @throws IllegalStateException if the broker was built without WebSocket listeners or without TLS
     */
    public String getSecureWebSocketBrokerUrl() {
        if (secureWebSocketPort == 0) {
            throw new IllegalStateException("mosquitto was built without WebSocket listeners or without TLS");
        }
        return "wss://" + HOST + ":" + secureWebSocketPort + "/mqtt";
    }

    /** @return mosquitto's log, appended to across restarts */
    public Path getLogFile() {
        return dir.resolve("mosquitto.log");
    }

    /** @return the last lines of the log, for failure messages */
    public String logTail() {
        try {
            List<String> lines = Files.exists(getLogFile())
                    ? Files.readAllLines(getLogFile(), StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + getLogFile() + ": " + e + ")";
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook runs anyway and finds the process gone
        }
        killOnExit = null;
    }

    private Path configFile() {
        return dir.resolve("mosquitto.conf");
    }

    private void writeConfig() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# generated by camel-rrpc MosquittoBroker");
        // as root mosquitto would switch to the user 'mosquitto', who cannot read this private folder
        lines.add("user " + System.getProperty("user.name"));
        lines.add("persistence false");
        lines.add("log_dest stdout");
        lines.add("log_timestamp_format %Y-%m-%dT%H:%M:%S");
        if (logPackets) {
            lines.add("log_type all");
        }
        lines.add("set_tcp_nodelay true");
        if (users.isEmpty()) {
            lines.add("allow_anonymous true");
        } else {
            Path passwordFile = dir.resolve("passwd");
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile);
            for (Map.Entry<String, String> user : users.entrySet()) {
                Executables.run(dir, List.of(Executables.require("mosquitto_passwd", "mosquitto").toString(),
                        "-b", passwordFile.toString(), user.getKey(), user.getValue()));
            }
            lines.add("allow_anonymous false");
            lines.add("password_file " + passwordFile);
        }
        lines.add("");
        lines.add("listener " + port + " " + HOST);
        if (tls != null) {
            lines.add("");
            lines.add("listener " + tlsPort + " " + HOST);
            addServerCertificate(lines);
        }
        if (webSocketPort != 0) {
            // mosquitto 2.0's WebSocket listeners (libwebsockets) ignore the address and listen on all interfaces
            lines.add("");
            lines.add("listener " + webSocketPort + " " + HOST);
            lines.add("protocol websockets");
        }
        if (secureWebSocketPort != 0) {
            lines.add("");
            lines.add("listener " + secureWebSocketPort + " " + HOST);
            lines.add("protocol websockets");
            addServerCertificate(lines);
        }
        if (bridgeRemote != null) {
            lines.add("");
            lines.add("connection bridge-to-" + bridgeRemote.getPort());
            lines.add("address " + HOST + ":" + bridgeRemote.getPort());
            // mosquitto 2.0.11 retries after ~6 s with "restart_timeout 1", after 2-3 s with "1 1"
            lines.add("restart_timeout 1 1");
            lines.addAll(BRIDGE_TOPIC_LINES);
        }
        Files.write(configFile(), lines, StandardCharsets.UTF_8);
    }

    private void addServerCertificate(List<String> lines) {
        lines.add("cafile " + tls.caCertificate());
        lines.add("certfile " + tls.serverCertificate());
        lines.add("keyfile " + tls.serverKey());
    }

    private void awaitRunning(long logOffset) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!RUNNING.matcher(logSince(logOffset)).find()) {
            try {
                if (process.waitFor(25, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("mosquitto exited with " + process.exitValue()
                            + " at start; log " + getLogFile() + ":\n" + logTail());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for mosquitto", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mosquitto did not start within " + START_TIMEOUT.toSeconds()
                        + " s; log " + getLogFile() + ":\n" + logTail());
            }
        }
    }

    private String logSince(long offset) {
        try (SeekableByteChannel log = Files.newByteChannel(getLogFile())) {
            log.position(offset);
            return new String(Channels.newInputStream(log).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + getLogFile(), e);
        }
    }

    /** Options of a {@link MosquittoBroker}. */
    public static final class Builder {
        private int port;
        private TlsCertificates tls;
        private final Map<String, String> users = new LinkedHashMap<>();
        private MosquittoBroker bridgeRemote;
        private boolean webSockets;
        private boolean logPackets;

        private Builder() {
        }

        /** @param port the plain listener's port on 127.0.0.1; 0 (default) for a free one */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Adds a TLS listener on a free port, with the server certificate and key of {@code certificates}. */
        public Builder tls(TlsCertificates certificates) {
            this.tls = Objects.requireNonNull(certificates, "certificates");
            return this;
        }

        /**
         * Adds an MQTT-over-WebSocket listener on a free port, and with {@link #tls} a secure one too (see
         * {@link #getWebSocketBrokerUrl()}, {@link #getSecureWebSocketBrokerUrl()}).
         */
        public Builder webSockets() {
            this.webSockets = true;
            return this;
        }

        /** Logs every MQTT packet, e.g. {@code Received SUBSCRIBE from <clientId>}, to count them in the log. */
        public Builder logPackets() {
            this.logPackets = true;
            return this;
        }

        /**
         * Requires credentials on every listener ({@code allow_anonymous false}, with a password
         * file made by {@code mosquitto_passwd -b}) and accepts these; call again to accept more users.
         */
        public Builder credentials(String username, String password) {
            users.put(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * Bridges this broker to {@code remote} (anonymous, plain port) in both directions for all
         * topics and for {@code $rrpc/#}; it reconnects 2-3 s after {@code remote} went down.
         */
        public Builder bridgeTo(MosquittoBroker remote) {
            this.bridgeRemote = Objects.requireNonNull(remote, "remote");
            return this;
        }

        /** @return a broker that is not started yet, with its ports already chosen */
        public MosquittoBroker build() {
            return new MosquittoBroker(this);
        }

        /** @return a started broker; on failure its folder is deleted and the exception holds the log tail */
        public MosquittoBroker start() {
            MosquittoBroker broker = build();
            try {
                return broker.start();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
    }
}
