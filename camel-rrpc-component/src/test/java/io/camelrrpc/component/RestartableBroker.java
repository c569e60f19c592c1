package io.camelrrpc.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.broker.MqttBroker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Brokers that a test stops and starts again on the same port: mosquitto as a process, or Moquette in the JVM. */
final class RestartableBroker {

    /** Which broker. */
    enum Kind {
        MOSQUITTO,
        EMBEDDED
    }

    private RestartableBroker() {
    }

    /**
     * A broker of that kind with its port chosen, not started yet. Skips the test (on a dev machine without
     * mosquitto) when the kind is not installed; CI installs it.
     */
    static MqttBroker create(Kind kind) {
        return switch (kind) {
            case MOSQUITTO -> {
                assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
                yield MosquittoBroker.builder().build();
            }
            case EMBEDDED -> EmbeddedMqttBroker.builder().port(freePort()).build();
        };
    }

    /** A started broker of that kind. */
    static MqttBroker start(Kind kind) {
        return create(kind).start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
