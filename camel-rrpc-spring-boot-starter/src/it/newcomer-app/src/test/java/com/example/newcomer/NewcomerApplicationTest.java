package com.example.newcomer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The application starts, calls a device through Debian's mosquitto and shows the rrpc entry in /actuator/health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewcomerApplicationTest {

    private static Process mosquitto;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) throws Exception {
        int port = freePort();
        mosquitto = new ProcessBuilder(mosquittoExecutable(), "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "mosquitto.log").toFile()).start();
        awaitListening(port);
        registry.add("camel.component.rrpc.broker-url", () -> "tcp://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopBroker() {
        mosquitto.destroy();
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camelContext;
    @LocalServerPort
    int httpPort;

    @Test
    void callsADeviceAndShowsTheRrpcHealthEntry() throws Exception {
        assertThat(camelContext.getVersion()).isEqualTo(System.getProperty("expected.camel.version"));
        for (int call = 0; call < 100; call++) {
            assertThat(template.requestBody("direct:switchOff", "closed " + call, String.class))
                    .isEqualTo("airConditioner1: closed " + call + " ok");
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rrpc = new ObjectMapper().readTree(response.body()).path("components").path("rrpc");
        assertThat(rrpc.path("status").asText()).as(response.body()).isEqualTo("UP");
        JsonNode connections = rrpc.path("details").path("connections");
        assertThat(connections.size()).as(response.body()).isGreaterThanOrEqualTo(1);
        assertThat(connections.get(0).path("broker.url").asText()).startsWith("tcp://127.0.0.1:");
    }

    private static String mosquittoExecutable() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!mosquitto.isAlive()) {
                    throw new IllegalStateException("mosquitto exited with " + mosquitto.exitValue());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        throw new IllegalStateException("mosquitto does not listen on port " + port + " after 20 s");
    }
}
