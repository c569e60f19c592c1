package io.camelrrpc.examples;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.examples.cloud.AlibabaTestSigner;
import io.camelrrpc.examples.cloud.RawHttp;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The RRpc-compatible action at / (no key configured: requests are not signed). */
class AlibabaApiTest extends ExampleApplicationTestSupport {

    private static final String OK_BASE64 = Base64.getEncoder().encodeToString("ok".getBytes(StandardCharsets.UTF_8));
    private static final String CLOSED_BASE64 =
            Base64.getEncoder().encodeToString("closed".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    CamelContext camelContext;

    private RawHttp raw;

    @BeforeEach
    void rawHttp() {
        raw = new RawHttp(port);
    }

    @Test
    void parametersInTheQueryCallTheDevice() throws Exception {
        assertSuccess(raw.post("/?" + AlibabaTestSigner.query(rrpc("airConditioner1", "closed", "2000")),
                Map.of(), ""), OK_BASE64);
    }

    @Test
    void parametersInAFormBodyCallTheDevice() throws Exception {
        assertSuccess(raw.post("/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                AlibabaTestSigner.query(rrpc("airConditioner1", "closed", "2000"))), OK_BASE64);
    }

    @Test
    void getCallsTheDeviceToo() throws Exception {
        assertSuccess(raw.get("/?" + AlibabaTestSigner.query(rrpc("airConditioner1", "closed", "2000"))),
                OK_BASE64);
    }

    @Test
    void arbitraryBytesGoToTheDeviceAndComeBackInBase64() throws Exception {
        startTestDevice("echo", 0);
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        Map<String, String> parameters = rrpc("echo", "", "2000");
        parameters.put("RequestBase64Byte", Base64.getEncoder().encodeToString(everyByte));

        JsonNode result = assertSuccess(raw.post("/?" + AlibabaTestSigner.query(parameters), Map.of(), ""), null);

        assertThat(Base64.getDecoder().decode(result.path("PayloadBase64Byte").asText())).isEqualTo(everyByte);
    }

    @Test
    void aSilentDeviceIsRrpcCodeTimeoutAfterTheTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = raw.post("/?" + AlibabaTestSigner.query(rrpc("nobody", "open", "1000")),
                Map.of(), "");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertTimeout(response);
    }

    @Test
    void theTimeoutParameterReplacesTheConfiguredTimeout() throws Exception {
        // answers after 2.5 s; the configured timeout (application-test.properties) is 2 s
        startTestDevice("slow", 2500);

        assertTimeout(raw.get("/?" + AlibabaTestSigner.query(rrpc("slow", "closed", "1000"))));
        assertSuccess(raw.get("/?" + AlibabaTestSigner.query(rrpc("slow", "closed", "5000"))), CLOSED_BASE64);
    }

    @ParameterizedTest
    @ValueSource(strings = { "999", "8001", "0", "-1000", "2s", "" })
    void aTimeoutOutside1000To8000MillisecondsIsInvalidTimeoutValue(String timeout) throws Exception {
        assertCallError(raw.post("/?" + AlibabaTestSigner.query(rrpc("airConditioner1", "open", timeout)),
                Map.of(), ""), "iot.messagebroker.InvalidTimeoutValue");
    }

    @Test
    void theTimeoutBoundsAreAccepted() throws Exception {
        assertSuccess(raw.get("/?" + AlibabaTestSigner.query(rrpc("airConditioner1", "closed", "1000"))),
                OK_BASE64);
        assertSuccess(raw.get("/?" + AlibabaTestSigner.query(rrpc("airConditioner1", "closed", "8000"))),
                OK_BASE64);
    }

    @Test
    void aPayloadThatIsNotBase64IsMessageContentIsNotBase64Encode() throws Exception {
        Map<String, String> parameters = rrpc("airConditioner1", "", "2000");
        parameters.put("RequestBase64Byte", "not base64!");

        assertCallError(raw.get("/?" + AlibabaTestSigner.query(parameters)),
                "iot.messagebroker.MessageContentIsNotBase64Encode");
    }

    @Test
    void aDeviceNameWithASlashIsInvalidFormattedDeviceName() throws Exception {
        assertCallError(raw.get("/?" + AlibabaTestSigner.query(rrpc("air/1", "open", "2000"))),
                "iot.device.InvalidFormattedDeviceName");
    }

    @Test
    void requestsWithoutAnActionOrWithAnotherActionOrVersionAreRefusedLikeAlibabasGateway() throws Exception {
        Map<String, String> noAction = rrpc("airConditioner1", "open", "2000");
        noAction.remove("Action");
        Map<String, String> otherAction = rrpc("airConditioner1", "open", "2000");
        otherAction.put("Action", "Pub");
        Map<String, String> otherVersion = rrpc("airConditioner1", "open", "2000");
        otherVersion.put("Version", "2017-04-20");

        assertGatewayError(raw.post("/?" + AlibabaTestSigner.query(noAction), Map.of(), ""), 400,
                "MissingParameter");
        assertGatewayError(raw.post("/?" + AlibabaTestSigner.query(otherAction), Map.of(), ""), 404,
                "InvalidAction.NotFound");
        assertGatewayError(raw.post("/?" + AlibabaTestSigner.query(otherVersion), Map.of(), ""), 400,
                "InvalidVersion");
    }

    /** RRpc parameters for a device of product KL4J2ABCD8; the payload is Base64-encoded. */
    static Map<String, String> rrpc(String deviceName, String payload, String timeout) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", "RRpc");
        parameters.put("Format", "JSON");
        parameters.put("Version", "2018-01-20");
        parameters.put("ProductKey", "KL4J2ABCD8");
        parameters.put("DeviceName", deviceName);
        parameters.put("RequestBase64Byte",
                Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
        parameters.put("Timeout", timeout);
        return parameters;
    }

    /** A device of product KL4J2ABCD8 that answers each request with the request, after the delay. */
    private void startTestDevice(String deviceName, long delayMillis) throws Exception {
        String routeId = "test-device-" + deviceName;
        if (camelContext.getRoute(routeId) == null) {
            camelContext.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("rrpc:KL4J2ABCD8/" + deviceName + "?concurrentConsumers=2").routeId(routeId)
                            .delay(delayMillis)
                            .convertBodyTo(byte[].class);
                }
            });
        }
    }

    private void assertTimeout(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("Success").asBoolean()).as(response.body()).isTrue();
        assertThat(result.path("RrpcCode").asText()).isEqualTo("TIMEOUT");
        assertThat(result.has("PayloadBase64Byte")).isFalse();
        assertThat(result.path("MessageId").asLong()).isPositive();
    }

    private JsonNode assertSuccess(HttpResponse<String> response, String payloadBase64) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("Success").asBoolean()).as(response.body()).isTrue();
        assertThat(result.path("RrpcCode").asText()).isEqualTo("SUCCESS");
        if (payloadBase64 != null) {
            assertThat(result.path("PayloadBase64Byte").asText()).isEqualTo(payloadBase64);
        }
        assertThat(result.path("MessageId").isIntegralNumber()).isTrue();
        assertThat(result.path("MessageId").asLong()).isPositive();
        assertThat(UUID.fromString(result.path("RequestId").asText())).isNotNull();
        return result;
    }

    private void assertCallError(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("Success").asBoolean(true)).as(response.body()).isFalse();
        assertThat(result.path("Code").asText()).isEqualTo(code);
        assertThat(result.path("ErrorMessage").asText()).isNotBlank();
        assertThat(result.has("RrpcCode")).isFalse();
        assertThat(UUID.fromString(result.path("RequestId").asText())).isNotNull();
    }

    static void assertGatewayError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode result = new ObjectMapper().readTree(response.body());
        assertThat(result.path("Code").asText()).isEqualTo(code);
        assertThat(result.path("Message").asText()).isNotBlank();
        assertThat(UUID.fromString(result.path("RequestId").asText())).isNotNull();
    }
}
