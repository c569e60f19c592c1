package io.camelrrpc.examples;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.examples.device.DeviceId;
import io.camelrrpc.examples.device.DeviceSimulatorRoutes;
import io.camelrrpc.examples.http.HttpReplies;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/devices/{productId}/{deviceName}/rrpc: HTTP, producer, broker, simulated device and back. */
@ExtendWith(OutputCaptureExtension.class)
class DeviceHttpApiTest extends ExampleApplicationTestSupport {

    private static final String AIR_CONDITIONER_1 = "/api/devices/KL4J2ABCD8/airConditioner1/rrpc";

    @Autowired
    CamelContext camelContext;
    @Autowired
    ObjectMapper json;

    @Test
    void closedAnswersOkAndLogsTheCall(CapturedOutput output) {
        // curl -d sends application/x-www-form-urlencoded: the payload must still reach the device as it is
        ResponseEntity<String> response = post(AIR_CONDITIONER_1, MediaType.APPLICATION_FORM_URLENCODED, "closed");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("ok");
        String processId = response.getHeaders().getFirst(HttpReplies.PROCESS_ID_HEADER);
        assertThat(processId).hasSize(16);
        assertThat(output).containsPattern(
                "rrpc call KL4J2ABCD8/airConditioner1 processId=" + processId + " \\d+ ms ok");
    }

    @Test
    void setTempAnswersTheStateWithTheNewTemperature() throws Exception {
        ResponseEntity<String> response =
                post(AIR_CONDITIONER_1, MediaType.APPLICATION_JSON, "{\"cmd\":\"setTemp\",\"value\":22}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode state = json.readTree(response.getBody());
        assertThat(state.path("targetTemperature").asInt()).isEqualTo(22);
        assertThat(state.has("power")).isTrue();
    }

    @Test
    void aDeviceNobodyServesTimesOutWith504WithinTheTimeout() throws Exception {
        long start = System.nanoTime();
        ResponseEntity<String> response = post("/api/devices/KL4J2ABCD8/nobody/rrpc?timeout=300",
                MediaType.APPLICATION_OCTET_STREAM, "open");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertTimeout(response, "nobody", 300);
    }

    @Test
    void aStoppedDeviceTimesOutWith504() throws Exception {
        String route = DeviceSimulatorRoutes.routeId(DeviceId.valueOf("KL4J2ABCD8/airConditioner2"));
        camelContext.getRouteController().stopRoute(route);
        try {
            ResponseEntity<String> response = post("/api/devices/KL4J2ABCD8/airConditioner2/rrpc?timeout=300ms",
                    MediaType.TEXT_PLAIN, "open");

            assertTimeout(response, "airConditioner2", 300);
        } finally {
            camelContext.getRouteController().startRoute(route);
        }
    }

    @Test
    void aDeviceNameWithAWildcardIsABadRequest() throws Exception {
        ResponseEntity<String> response = post("/api/devices/KL4J2ABCD8/air+1/rrpc", MediaType.TEXT_PLAIN, "open");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).path("error").asText()).isEqualTo("bad_request");
        assertThat(response.getHeaders().containsHeader(HttpReplies.PROCESS_ID_HEADER)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "soon            | timeout must be a positive duration such as 300 (milliseconds), 300ms or 2s, got 'soon'",
        "0               | timeout must be a positive duration such as 300 (milliseconds), 300ms or 2s, got '0'",
        "-5              | timeout must be a positive duration such as 300 (milliseconds), 300ms or 2s, got '-5'",
        "60001           | timeout 60001 ms is longer than the limit of 60000 ms (rrpc.http.max-timeout)",
        "99999999999999  | timeout 99999999999999 ms is longer than the limit of 60000 ms (rrpc.http.max-timeout)",
        "2m              | timeout 120000 ms is longer than the limit of 60000 ms (rrpc.http.max-timeout)" })
    void aBadOrTooLongTimeoutIsABadRequestThatSaysWhy(String timeout, String message) throws Exception {
        ResponseEntity<String> response = post(AIR_CONDITIONER_1 + "?timeout=" + timeout, MediaType.TEXT_PLAIN, "open");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = json.readTree(response.getBody());
        assertThat(error.path("error").asText()).isEqualTo("bad_request");
        assertThat(error.path("message").asText()).isEqualTo(message);
    }

    @Test
    void aTimeoutAtTheLimitIsAccepted() {
        ResponseEntity<String> response = post(AIR_CONDITIONER_1 + "?timeout=1m", MediaType.TEXT_PLAIN, "open");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("ok");
    }

    @Test
    void aPayloadOverTheLimitIs413AndOneAtTheLimitIsSent() throws Exception {
        ResponseEntity<String> tooLarge = post(AIR_CONDITIONER_1, MediaType.TEXT_PLAIN, "x".repeat(2049));
        ResponseEntity<String> atLimit = post(AIR_CONDITIONER_1, MediaType.TEXT_PLAIN, "x".repeat(2048));

        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        JsonNode error = json.readTree(tooLarge.getBody());
        assertThat(error.path("error").asText()).isEqualTo("payload_too_large");
        assertThat(error.path("maxPayloadBytes").asInt()).isEqualTo(2048);
        assertThat(atLimit.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void assertTimeout(ResponseEntity<String> response, String deviceName, long timeoutMillis)
            throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JsonNode error = json.readTree(response.getBody());
        assertThat(error.path("error").asText()).isEqualTo("timeout");
        assertThat(error.path("productId").asText()).isEqualTo("KL4J2ABCD8");
        assertThat(error.path("deviceName").asText()).isEqualTo(deviceName);
        String processId = response.getHeaders().getFirst(HttpReplies.PROCESS_ID_HEADER);
        assertThat(error.path("processId").asText()).isEqualTo(processId).hasSize(16);
        assertThat(error.path("timeoutMillis").asLong()).isEqualTo(timeoutMillis);
        assertThat(error.path("message").asText()).isEqualTo("No reply from device KL4J2ABCD8/" + deviceName
                                                             + " within " + timeoutMillis + " millis (processId "
                                                             + processId + ")");
    }
}
