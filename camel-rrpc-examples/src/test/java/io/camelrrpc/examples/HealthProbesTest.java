package io.camelrrpc.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The liveness and readiness probes of the running application; readiness follows Camel's routes. */
class HealthProbesTest extends ExampleApplicationTestSupport {

    @Autowired
    CamelContext camelContext;
    @Autowired
    ObjectMapper json;

    @Test
    void bothProbesAreUpWhileTheApplicationRuns() throws Exception {
        ResponseEntity<String> liveness = http.getForEntity("/actuator/health/liveness", String.class);
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(liveness.getBody()).path("status").asText()).isEqualTo("UP");
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode ready = json.readTree(readiness.getBody());
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "camelReadinessState", "rrpc");
    }

    @Test
    void notReadyWhileARouteIsStopped() throws Exception {
        camelContext.getRouteController().stopRoute("recording-devices");
        try {
            ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);

            assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(json.readTree(readiness.getBody()).path("components").path("camelReadinessState")
                    .path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            camelContext.getRouteController().startRoute("recording-devices");
        }
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
