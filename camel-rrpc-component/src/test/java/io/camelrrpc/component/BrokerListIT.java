package io.camelrrpc.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A brokerUrl list: the connection starts on the first broker that answers, and a start fails only when none does. */
class BrokerListIT {

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void startsOnTheFirstBrokerThatAnswersAndSaysWhichOne() throws Exception {
        EmbeddedMqttBroker broker = closer.add(EmbeddedMqttBroker.builder().start());
        String down = "tcp://127.0.0.1:" + closedPort();
        RrpcNode node = closer.add(RrpcNode.create("list", down + "," + broker.getBrokerUrl())
                .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+"))
                .routes(r -> r.from("direct:call").to("rrpc:P/dev"))
                .start());

        assertThat(RrpcNode.replyText(node.request("direct:call", "hello"))).isEqualTo("dev:hello");
        Map<String, Object> details = node.component().getConnectionStatuses().get(0).details();
        assertThat(details).containsEntry("broker.url", down + "," + broker.getBrokerUrl())
                .containsEntry("broker.current", broker.getBrokerUrl()).containsEntry("failovers", 0L);
    }

    @Test
    void aStartFailsNamingEveryBrokerWhenNoneAnswers() throws Exception {
        String first = "tcp://127.0.0.1:" + closedPort();
        String second = "tcp://127.0.0.1:" + closedPort();
        RrpcNode node = closer.add(RrpcNode.create("none", first + "," + second)
                .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+")));

        assertThatThrownBy(node::start).hasStackTraceContaining("Cannot connect to MQTT broker " + first + "," + second)
                .hasStackTraceContaining(": " + first + ": ").hasStackTraceContaining("; " + second + ": ");
    }

    /** A loopback port nothing listens on (free a moment ago). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
