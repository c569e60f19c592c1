package io.camelrrpc.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The readiness probe over the application's life, on its own application: not ready while Camel starts (held here
 * until the test lets it go, with Tomcat already answering), ready once the routes run, not ready while the broker
 * is away, ready again once the connection is back.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadinessLifecycleTest {

    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";

    private final CountDownLatch camelMayStart = new CountDownLatch(1);
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private CompletableFuture<ConfigurableApplicationContext> application;

    @BeforeEach
    void startTheApplicationWithCamelHeld() {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(RrpcExamplesApplication.class)
                .profiles("test")
                .registerShutdownHook(false)
                .listeners((ApplicationListener<WebServerInitializedEvent>) event ->
                        port.complete(event.getWebServer().getPort()))
                .initializers(context -> context.getBeanFactory().registerSingleton("holdCamel", new HoldCamel()));
        application = CompletableFuture.supplyAsync(
                () -> builder.run("--server.port=0", "--camel.component.rrpc.max-reconnect-delay=500"));
    }

    @AfterEach
    void stop() throws Exception {
        camelMayStart.countDown();
        application.get(60, TimeUnit.SECONDS).close();
    }

    @Test
    void readyOnlyWhileCamelRunsAndTheBrokerConnectionIsHealthy(CapturedOutput output) throws Exception {
        port.get(60, TimeUnit.SECONDS);
        assertThat(get(READINESS).statusCode()).as("Camel not started yet").isEqualTo(503);
        assertThat(get(LIVENESS).statusCode()).as("the application not started yet").isEqualTo(503);

        camelMayStart.countDown();
        ConfigurableApplicationContext context = application.get(60, TimeUnit.SECONDS);
        assertThat(get(READINESS).statusCode()).isEqualTo(200);
        assertThat(get(LIVENESS).statusCode()).isEqualTo(200);

        EmbeddedMqttBroker broker = context.getBean(EmbeddedMqttBroker.class);
        broker.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> get(READINESS).statusCode() == 503);
        JsonNode readiness = json.readTree(get(READINESS).body());
        assertThat(readiness.path("components").path("rrpc").path("status").asText()).isEqualTo("DOWN");
        assertThat(get(LIVENESS).statusCode()).as("the broker is not the application's liveness").isEqualTo(200);
        assertBrokerUnavailableSaysSoPlainly(output);

        broker.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(READINESS).statusCode() == 200);
    }

    private void assertBrokerUnavailableSaysSoPlainly(CapturedOutput output) throws Exception {
        HttpResponse<String> call = client.send(HttpRequest.newBuilder(uri("/api/devices/KL4J2ABCD8/airConditioner1/rrpc"))
                .POST(HttpRequest.BodyPublishers.ofString("open")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(call.statusCode()).isEqualTo(503);
        JsonNode error = json.readTree(call.body());
        String processId = error.path("processId").asText();
        assertThat(error.path("message").asText())
                .startsWith("Call to device KL4J2ABCD8/airConditioner1 (processId " + processId + ") failed: ")
                .doesNotContain("Exchange[");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> output.getOut().contains("processId=" + processId + " "));
        assertThat(output.getOut()).doesNotContain("Exchange[");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port.join() + path);
    }

    /** Holds Camel's start until the test lets it go. */
    private final class HoldCamel implements CamelContextConfiguration {

        @Override
        public void beforeApplicationStart(CamelContext camelContext) {
            try {
                camelMayStart.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void afterApplicationStart(CamelContext camelContext) {
            // nothing to do
        }
    }
}
