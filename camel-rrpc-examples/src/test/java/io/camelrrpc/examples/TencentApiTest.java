package io.camelrrpc.examples;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The PublishRRPCMessage-compatible action, at POST / with X-TC-Action and at its readable path. */
class TencentApiTest extends ExampleApplicationTestSupport {

    private static final String CLOSE_AIR_CONDITIONER_1 =
            "{\"ProductId\":\"KL4J2ABCD8\",\"DeviceName\":\"airConditioner1\",\"Payload\":\"closed\"}";

    @Autowired
    ObjectMapper json;

    @Test
    void actionHeaderOnTheRootPath() throws Exception {
        assertSuccess(post("/", MediaType.APPLICATION_JSON, action("PublishRRPCMessage"), CLOSE_AIR_CONDITIONER_1));
    }

    @Test
    void readablePath() throws Exception {
        assertSuccess(post("/api/tencent/PublishRRPCMessage", MediaType.APPLICATION_JSON, CLOSE_AIR_CONDITIONER_1));
    }

    @Test
    void aSilentDeviceIsRrpcTimeoutWithHttp200() throws Exception {
        ResponseEntity<String> response = post("/api/tencent/PublishRRPCMessage", MediaType.APPLICATION_JSON,
                "{\"ProductId\":\"KL4J2ABCD8\",\"DeviceName\":\"nobody\",\"Payload\":\"open\"}");

        assertError(response, "FailedOperation.RRPCTimeout");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PublishRRPCMessage | not json                                                      | InvalidParameter",
        "PublishRRPCMessage | {\"ProductId\":\"KL4J2ABCD8\",\"Payload\":\"open\"}             | MissingParameter",
        "PublishRRPCMessage | {\"ProductId\":\"P\",\"DeviceName\":\"a/b\",\"Payload\":\"x\"}  | InvalidParameterValue",
        "DescribeDevice     | {}                                                            | InvalidAction" })
    void refusedRequests(String action, String body, String code) throws Exception {
        assertError(post("/", MediaType.APPLICATION_JSON, action(action), body), code);
    }

    @Test
    void messageIdCountsTheCallsSentToDevicesNotTheRefusedRequests() throws Exception {
        int first = messageId(post("/api/tencent/PublishRRPCMessage", MediaType.APPLICATION_JSON,
                CLOSE_AIR_CONDITIONER_1));
        for (String refused : new String[] { "not json", "{\"ProductId\":\"KL4J2ABCD8\",\"Payload\":\"open\"}",
            "{\"ProductId\":\"P\",\"DeviceName\":\"a/b\",\"Payload\":\"x\"}" }) {
            post("/api/tencent/PublishRRPCMessage", MediaType.APPLICATION_JSON, refused);
        }
        int next = messageId(post("/api/tencent/PublishRRPCMessage", MediaType.APPLICATION_JSON,
                CLOSE_AIR_CONDITIONER_1));

        assertThat(next).isEqualTo(first + 1);
    }

    @Test
    void withoutConfiguredKeysSignaturesAreNotChecked() throws Exception {
        HttpHeaders headers = action("PublishRRPCMessage");
        headers.set("X-TC-Version", "2021-04-08");
        headers.set("X-TC-Timestamp", "abc"); // InvalidParameter only with keys (TencentApiAuthenticatorTest)
        headers.set("Authorization", "TC3-HMAC-SHA256 Credential=AKIDnobody/2019-02-25/iotcloud/tc3_request,"
                                     + " SignedHeaders=content-type;host, Signature=0000");

        assertSuccess(post("/", MediaType.APPLICATION_JSON, headers, CLOSE_AIR_CONDITIONER_1));
    }

    @Test
    void aVersionWithoutTheActionIsNoSuchVersion() throws Exception {
        HttpHeaders headers = action("PublishRRPCMessage");
        headers.set("X-TC-Version", "2017-03-12");

        assertError(post("/", MediaType.APPLICATION_JSON, headers, CLOSE_AIR_CONDITIONER_1), "NoSuchVersion");
    }

    @Test
    void aPayloadOverTheLimitIsPayloadOverLimit() throws Exception {
        String body = "{\"ProductId\":\"KL4J2ABCD8\",\"DeviceName\":\"airConditioner1\",\"Payload\":\""
                      + "x".repeat(2049) + "\"}";

        assertError(post("/api/tencent/PublishRRPCMessage", MediaType.APPLICATION_JSON, body),
                "InvalidParameterValue.PayloadOverLimit");
    }

    private static HttpHeaders action(String action) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-TC-Action", action);
        return headers;
    }

    private void assertSuccess(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = json.readTree(response.getBody()).path("Response");
        assertThat(result.path("PayloadBase64").asText())
                .isEqualTo(Base64.getEncoder().encodeToString("ok".getBytes(StandardCharsets.UTF_8)));
        assertThat(result.path("MessageId").isInt()).isTrue();
        assertThat(result.path("MessageId").asInt()).isPositive();
        assertThat(UUID.fromString(result.path("RequestId").asText())).isNotNull();
    }

    private int messageId(ResponseEntity<String> response) throws Exception {
        assertSuccess(response);
        return json.readTree(response.getBody()).path("Response").path("MessageId").asInt();
    }

    private void assertError(ResponseEntity<String> response, String code) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = json.readTree(response.getBody()).path("Response");
        assertThat(result.path("Error").path("Code").asText()).isEqualTo(code);
        assertThat(result.path("Error").path("Message").asText()).isNotBlank();
        assertThat(UUID.fromString(result.path("RequestId").asText())).isNotNull();
    }
}
