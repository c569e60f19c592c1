package io.camelrrpc.component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel's health checks, as Camel Main, Camel Quarkus and Spring Boot's camelHealth invoke them, hold one check per
 * broker connection: readiness follows the connection, liveness fails only when it cannot come back by itself.
 */
class HealthCheckIT {

    private static final String USER = "device";
    private static final String PASSWORD = "s3cret-health-pw";

    private EmbeddedMqttBroker broker;
    private RrpcNode node;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedMqttBroker.builder().credentials(USER, PASSWORD).start();
        node = RrpcNode.create("health", broker.getBrokerUrl(), config -> {
            config.setUserName(USER);
            config.setPassword(PASSWORD);
            config.setMaxReconnectDelay(500);
        }).routes(routes -> routes.from("rrpc:P/D").setBody(routes.constant("ok"))).start();
        context = node.context();
        // every result, not only the first when all are UP
        HealthCheckRegistry.get(context).setExposureLevel("full");
    }

    @AfterEach
    void stop() {
        node.close();
        broker.close();
    }

    @Test
    void readinessFollowsTheBrokerWithDetailsButNoSecret() throws Exception {
        HealthCheck.Result ready = rrpcResult(HealthCheckHelper.invokeReadiness(context).stream()).orElseThrow();
        assertThat(ready.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(ready.getCheck().getId()).startsWith("rrpc:").endsWith("@" + broker.getBrokerUrl());
        Map<String, Object> details = ready.getDetails();
        assertThat(details).containsEntry("broker.url", broker.getBrokerUrl())
                .containsEntry("broker.current", broker.getBrokerUrl()).containsEntry("failovers", 0L)
                .containsEntry("connected", true)
                .containsEntry("pending.calls", 0).containsKey("client.id").doesNotContainKey("last.failure");
        assertThat(details.toString()).doesNotContain(PASSWORD).doesNotContain(USER + ":");

        CompletableFuture<Exchange> waiting = node.asyncRequest("rrpc:P/silent?requestTimeout=30000", "anyone?", Map.of());
        await().until(() -> rrpcReadiness().getDetails().get("pending.calls"), calls -> calls.equals(1));

        broker.stop();
        await().until(() -> rrpcReadiness().getState() == HealthCheck.State.DOWN);
        HealthCheck.Result down = rrpcReadiness();
        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message).contains("not connected"));
        assertThat(down.getDetails()).containsEntry("connected", false).containsKey("last.failure.at");
        assertThat(down.getDetails().get("last.failure").toString()).startsWith("connection lost");
        assertThat(rrpcLiveness().getState()).as("it reconnects by itself").isEqualTo(HealthCheck.State.UP);
        assertThat(waiting.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(RrpcConnectionLostException.class);

        broker.start();
        await().atMost(15, TimeUnit.SECONDS).until(() -> rrpcReadiness().getState() == HealthCheck.State.UP);
        assertThat(rrpcReadiness().getDetails()).containsEntry("reconnects", 1L).containsEntry("pending.calls", 0);
    }

    @Test
    void livenessFailsOnlyWhenTheConnectionCannotComeBackByItself() throws Exception {
        node.routes(routes -> routes.from("rrpc:P/D2?automaticReconnect=false").setBody(routes.constant("ok")));
        String once = "rrpc:" + node.component().getConnectionStatuses().stream()
                .filter(status -> !status.reconnectsByItself()).findFirst().orElseThrow().id();
        assertThat(livenessOf(once)).isEqualTo(HealthCheck.State.UP);

        broker.stop();

        await().until(() -> livenessOf(once) == HealthCheck.State.DOWN);
        assertThat(HealthCheckHelper.invokeLiveness(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("rrpc:") && !result.getCheck().getId().equals(once))
                .map(HealthCheck.Result::getState)).containsExactly(HealthCheck.State.UP);
    }

    @Test
    void aCheckLastsAsLongAsItsConnection() throws Exception {
        assertThat(rrpcResult(HealthCheckHelper.invoke(context).stream())).isPresent();

        context.getRouteController().stopAllRoutes();

        assertThat(rrpcResult(HealthCheckHelper.invoke(context).stream())).isEmpty();
    }

    private HealthCheck.Result rrpcReadiness() {
        return rrpcResult(HealthCheckHelper.invokeReadiness(context).stream()).orElseThrow();
    }

    private HealthCheck.State livenessOf(String id) {
        return HealthCheckHelper.invokeLiveness(context).stream().filter(result -> result.getCheck().getId().equals(id))
                .findFirst().orElseThrow().getState();
    }

    private HealthCheck.Result rrpcLiveness() {
        return rrpcResult(HealthCheckHelper.invokeLiveness(context).stream()).orElseThrow();
    }

    private static Optional<HealthCheck.Result> rrpcResult(Stream<HealthCheck.Result> results) {
        return results.filter(result -> result.getCheck().getId().startsWith("rrpc:")).findFirst();
    }
}
