package io.camelrrpc.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A broker that a test stops and starts again on the same port: mosquitto as a process, or Moquette in the JVM. */
abstract class RestartableBroker implements AutoCloseable {

    /** Which broker. */
    enum Kind {
        MOSQUITTO,
        EMBEDDED
    }

    /**
     * A broker of that kind with its port chosen, not started yet. Skips the test (on a dev machine without
     * mosquitto) when the kind is not installed; CI installs it.
     */
    static RestartableBroker create(Kind kind) {
        return switch (kind) {
            case MOSQUITTO -> {
                assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
                yield new Mosquitto(MosquittoBroker.builder().build());
            }
            case EMBEDDED -> new Embedded(EmbeddedMqttBroker.builder().port(freePort()).build());
        };
    }

    /** A started broker of that kind. */
    static RestartableBroker start(Kind kind) {
        RestartableBroker broker = create(kind);
        broker.start();
        return broker;
    }

    abstract String url();

    abstract void start();

    /** Stops the broker; its clients lose their connection. */
    abstract void stop();

    @Override
    public abstract void close();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Mosquitto extends RestartableBroker {
        private final MosquittoBroker broker;

        Mosquitto(MosquittoBroker broker) {
            this.broker = broker;
        }

        @Override
        String url() {
            return broker.getBrokerUrl();
        }

        @Override
        void start() {
            broker.start();
        }

        @Override
        void stop() {
            broker.stop();
        }

        @Override
        public void close() {
            broker.close();
        }

        @Override
        public String toString() {
            return "mosquitto " + url();
        }
    }

    private static final class Embedded extends RestartableBroker {
        private final EmbeddedMqttBroker broker;

        Embedded(EmbeddedMqttBroker broker) {
            this.broker = broker;
        }

        @Override
        String url() {
            return broker.getBrokerUrl();
        }

        @Override
        void start() {
            broker.start();
        }

        @Override
        void stop() {
            broker.stop();
        }

        @Override
        public void close() {
            broker.close();
        }

        @Override
        public String toString() {
            return "Moquette " + url();
        }
    }
}
