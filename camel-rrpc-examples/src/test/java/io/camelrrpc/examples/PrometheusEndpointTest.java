package io.camelrrpc.examples;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /actuator/prometheus shows the rrpc meters: after calls, the calls by outcome and the devices' requests. */
class PrometheusEndpointTest extends ExampleApplicationTestSupport {

    @Test
    void theScrapeHasTheCallsByOutcomeTheRequestsAndTheConnection() {
        assertThat(post("/api/devices/KL4J2ABCD8/airConditioner1/rrpc", MediaType.TEXT_PLAIN, "closed").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post("/api/devices/KL4J2ABCD8/nobody/rrpc?timeout=200", MediaType.TEXT_PLAIN, "open")
                .getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);

        String scrape = http.getForObject("/actuator/prometheus", String.class);

        assertThat(scrape)
                .containsPattern("(?m)^rrpc_calls_seconds_count\\{outcome=\"ok\",product=\"KL4J2ABCD8\"} [1-9]")
                .containsPattern("(?m)^rrpc_calls_seconds_count\\{outcome=\"timeout\",product=\"KL4J2ABCD8\"} [1-9]")
                .containsPattern("(?m)^rrpc_calls_seconds_bucket\\{outcome=\"ok\",product=\"KL4J2ABCD8\",le=\"")
                .containsPattern("(?m)^rrpc_requests_seconds_count\\{outcome=\"ok\",product=\"KL4J2ABCD8\"} [1-9]")
                .containsPattern("(?m)^rrpc_replies_dropped_total\\{reason=\"late\"} ")
                .containsPattern("(?m)^rrpc_calls_pending ")
                .containsPattern("(?m)^rrpc_connection_connected\\{broker=\"tcp://127\\.0\\.0\\.1:\\d+\",client=\"[^\"]+\"} 1");
        assertThat(scrape.lines().filter(line -> line.startsWith("rrpc_"))).as("no device names by default")
                .noneMatch(line -> line.contains("airConditioner1"));
    }
}
