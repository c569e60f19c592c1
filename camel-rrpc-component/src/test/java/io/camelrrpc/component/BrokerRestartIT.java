package io.camelrrpc.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.broker.MqttBroker;
import io.camelrrpc.component.internal.correlation.ReplyCorrelator;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Broker outages, on mosquitto and on the embedded broker: calls fail fast instead of running into their timeout,
 * nothing leaks, and the component reconnects and subscribes again by itself, without any route restarting.
 */
class BrokerRestartIT {

    /** How soon after the broker stops a waiting call must fail: well before its 4 s timeout. */
    private static final long PROMPT_MILLIS = 2000;
    private static final String CONSUMER_ROUTE = "device";

    private MqttBroker broker;
    private RrpcNode node;

    @AfterEach
    void stopNodeAndBroker() {
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @EnumSource(RestartableBroker.Kind.class)
    void callsWaitingWhenTheBrokerStopsFailPromptlyAndLeaveNothingBehind(RestartableBroker.Kind kind) throws Exception {
        broker = RestartableBroker.start(kind);
        node = startNode(broker.getBrokerUrl());
        assertRoundTrip();
        List<CompletableFuture<Completion>> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(callUnansweredDevice("dev" + i));
        }
        CompletableFuture<Completion> queued = callUnansweredDevice("dev0");
        ReplyCorrelator correlator = node.correlator();
        await().until(() -> correlator.pendingCalls() == 6);

        long stoppedAt = System.nanoTime();
        broker.stop();

        for (CompletableFuture<Completion> call : inFlight) {
            Completion completion = call.get(10, TimeUnit.SECONDS);
            assertThat(completion.exchange().getException()).isInstanceOf(RrpcConnectionLostException.class)
                    .hasMessageContaining(broker.getBrokerUrl());
            assertThat(completion.millisSince(stoppedAt)).isLessThan(PROMPT_MILLIS);
        }
        Completion queuedCompletion = queued.get(10, TimeUnit.SECONDS);
        assertThat(queuedCompletion.exchange().getException()).as("call queued behind a busy device")
                .isInstanceOf(RrpcCallException.class);
        assertThat(queuedCompletion.millisSince(stoppedAt)).isLessThan(PROMPT_MILLIS);
        assertThat(correlator.pendingCalls()).isZero();
        assertThat(correlator.busyDevices()).isZero();
    }

    @ParameterizedTest
    @EnumSource(RestartableBroker.Kind.class)
    void whileTheBrokerIsDownCallsFailFastAndWhenItIsBackTheRoutesWorkWithoutRestarting(RestartableBroker.Kind kind)
            throws Exception {
        broker = RestartableBroker.start(kind);
        node = startNode(broker.getBrokerUrl());
        assertRoundTrip();
        MqttTransport connection = node.connection();
        Consumer consumer = node.context().getRoute(CONSUMER_ROUTE).getConsumer();
        assertThat(connection.isHealthy()).isTrue();

        broker.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !connection.isHealthy());

        long calledAt = System.nanoTime();
        Exchange duringOutage = node.request("direct:call", "anyone there?");
        assertThat(duringOutage.getException()).isInstanceOf(RrpcCallException.class)
                .hasMessageContaining("not connected").hasMessageContaining(broker.getBrokerUrl());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - calledAt)).isLessThan(1000);
        assertThat(node.correlator().pendingCalls()).isZero();
        assertThat(node.correlator().busyDevices()).isZero();

        broker.start();
        await("reconnected with every subscription restored").atMost(Duration.ofSeconds(10)).until(connection::isHealthy);
        await("round trip producer -> broker -> consumer -> producer").atMost(Duration.ofSeconds(5))
                .until(() -> node.request("direct:call", "back?", Map.of(RrpcConstants.REQUEST_TIMEOUT, 1000))
                        .getException() == null);
        assertRoundTrip();
        assertThat(node.connection()).as("the same connection object").isSameAs(connection);
        assertThat(node.context().getRoute(CONSUMER_ROUTE).getConsumer()).as("the same consumer").isSameAs(consumer);
        assertThat(node.context().getRouteController().getRouteStatus(CONSUMER_ROUTE)).isEqualTo(ServiceStatus.Started);
    }

    @ParameterizedTest
    @EnumSource(RestartableBroker.Kind.class)
    void startingWhileTheBrokerIsDownFailsNamingTheBrokerAndNoRouteClaimsToBeStarted(RestartableBroker.Kind kind)
            throws Exception {
        broker = RestartableBroker.create(kind);
        node = RrpcNode.create("device-only node", broker.getBrokerUrl())
                .routes(r -> r.from("rrpc:GW/+").routeId(CONSUMER_ROUTE).log("${body}"));

        Throwable failure = catchThrowable(node::start);

        assertThat(failure).as("start of a context whose broker is down").isNotNull();
        MqttConnectionException cause = Causes.find(failure, MqttConnectionException.class);
        assertThat(cause.getMessage()).contains(broker.getBrokerUrl()).contains("cannot reach the broker");
        assertThat(node.context().getRouteController().getRouteStatus(CONSUMER_ROUTE))
                .isNotEqualTo(ServiceStatus.Started);
        assertThat(node.context().isStarted()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RestartableBroker.Kind.class)
    void consumerAddedWhileTheBrokerIsDownDoesNotStart(RestartableBroker.Kind kind) throws Exception {
        broker = RestartableBroker.start(kind);
        node = startNode(broker.getBrokerUrl());
        broker.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !node.connection().isConnected());

        Throwable failure = catchThrowable(() -> node.routes(r -> r.from("rrpc:LATE/+").routeId("late").log("${body}")));

        assertThat(failure).as("adding a consumer route while the broker is down").isNotNull();
        assertThat(Causes.find(failure, MqttConnectionException.class).getMessage())
                .contains("$rrpc/rxd/LATE/+/+").contains(broker.getBrokerUrl());
        assertThat(node.context().getRouteController().getRouteStatus("late")).isNotEqualTo(ServiceStatus.Started);
    }

    /**
     * A node with a caller and a device route. Reconnects try every second; a subscription waits for a reconnect at most
     * 2 s (connectionTimeout 1 s, the least), not the default 11 s, before it fails.
     */
    private RrpcNode startNode(String brokerUrl) throws Exception {
        return RrpcNode.create("node", brokerUrl, c -> {
            c.setMaxReconnectDelay(1000);
            c.setConnectionTimeout(1);
        }).routes(BrokerRestartIT::routes)
                .start();
    }

    private static void routes(RouteBuilder r) {
        r.from("direct:call").routeId("call").to("rrpc:GW/D");
        RrpcNode.echoingDevices(r, "rrpc:GW/+").routeId(CONSUMER_ROUTE);
    }

    private void assertRoundTrip() {
        assertThat(RrpcNode.replyText(node.request("direct:call", "ping"))).isEqualTo("D:ping");
    }

    /** A call to a device no one serves: it waits for its reply until the 4 s timeout. */
    private CompletableFuture<Completion> callUnansweredDevice(String device) {
        return node.asyncRequest("direct:call", "hello " + device,
                Map.of(RrpcConstants.PRODUCT_ID, "NOBODY", RrpcConstants.DEVICE_NAME, device))
                .thenApply(exchange -> new Completion(exchange, System.nanoTime()));
    }

    /** A call's outcome and when it came. */
    private record Completion(Exchange exchange, long nanos) {
        long millisSince(long startNanos) {
            return TimeUnit.NANOSECONDS.toMillis(nanos - startNanos);
        }
    }
}
