package io.camelrrpc.examples;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.examples.cloud.AlibabaTestSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.camelrrpc.examples.AlibabaApiTest.assertGatewayError;
import static io.camelrrpc.examples.AlibabaApiTest.rrpc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RRpc with rrpc.alibaba-api.access-key-id/access-key-secret set: requests signed with openssl as Alibaba's
 * documentation describes, sent over HTTP to the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlibabaApiSignatureTest extends SignedCloudApiTestSupport {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Autowired
    ObjectMapper json;

    @Test
    void aSignedPostCallsTheDevice() throws Exception {
        assertSuccess(raw.post("/?" + AlibabaTestSigner.query(signed("POST", Instant.now())), Map.of(), ""));
    }

    @Test
    void aSignedFormPostCallsTheDevice() throws Exception {
        assertSuccess(raw.post("/", FORM, AlibabaTestSigner.query(signed("POST", Instant.now()))));
    }

    @Test
    void aSignedGetCallsTheDevice() throws Exception {
        assertSuccess(raw.get("/?" + AlibabaTestSigner.query(signed("GET", Instant.now()))));
    }

    @Test
    void aRequestSignedForGetButPostedIsSignatureDoesNotMatch() throws Exception {
        assertGatewayError(raw.post("/?" + AlibabaTestSigner.query(signed("GET", Instant.now())), Map.of(), ""),
                400, "SignatureDoesNotMatch");
    }

    @Test
    void aParameterChangedAfterSigningIsSignatureDoesNotMatch() throws Exception {
        Map<String, String> parameters = signed("POST", Instant.now());
        parameters.put("DeviceName", "airConditioner2");

        assertGatewayError(raw.post("/", FORM, AlibabaTestSigner.query(parameters)), 400, "SignatureDoesNotMatch");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsSignatureDoesNotMatch() throws Exception {
        Map<String, String> parameters = unsigned("POST", Instant.now(), ACCESS_KEY_ID);
        parameters.put("Signature", AlibabaTestSigner.signature("POST", parameters, "another-secret"));

        assertGatewayError(raw.post("/", FORM, AlibabaTestSigner.query(parameters)), 400, "SignatureDoesNotMatch");
    }

    @Test
    void anUnknownAccessKeyIdIsInvalidAccessKeyIdNotFound() throws Exception {
        Map<String, String> parameters = unsigned("POST", Instant.now(), "LTAIsomebodyElse");
        parameters.put("Signature", AlibabaTestSigner.signature("POST", parameters, ACCESS_KEY_SECRET));

        assertGatewayError(raw.post("/", FORM, AlibabaTestSigner.query(parameters)), 404,
                "InvalidAccessKeyId.NotFound");
    }

    @Test
    void aTimestampMoreThanFifteenMinutesOffIsInvalidTimeStampExpired() throws Exception {
        Instant past = Instant.now().minus(16, ChronoUnit.MINUTES);

        assertGatewayError(raw.post("/", FORM, AlibabaTestSigner.query(signed("POST", past))), 400,
                "InvalidTimeStamp.Expired");
    }

    @Test
    void aReplayedRequestIsSignatureNonceUsed() throws Exception {
        String request = AlibabaTestSigner.query(signed("POST", Instant.now()));

        assertSuccess(raw.post("/", FORM, request));
        assertGatewayError(raw.post("/", FORM, request), 400, "SignatureNonceUsed");
    }

    @Test
    void anUnsignedRequestIsMissingParameter() throws Exception {
        assertGatewayError(raw.post("/", FORM, AlibabaTestSigner.query(rrpc("airConditioner1", "closed", "2000"))),
                400, "MissingParameter");
    }

    @Test
    void theSecretIsNeverLogged(CapturedOutput output) throws Exception {
        raw.post("/", FORM, AlibabaTestSigner.query(signed("POST", Instant.now())));
        raw.post("/", FORM, AlibabaTestSigner.query(signed("POST", Instant.now().minus(1, ChronoUnit.DAYS))));

        assertThat(output).doesNotContain(ACCESS_KEY_SECRET);
    }

    private static Map<String, String> signed(String method, Instant timestamp) {
        Map<String, String> parameters = unsigned(method, timestamp, ACCESS_KEY_ID);
        parameters.put("Signature", AlibabaTestSigner.signature(method, parameters, ACCESS_KEY_SECRET));
        return parameters;
    }

    private static Map<String, String> unsigned(String method, Instant timestamp, String accessKeyId) {
        Map<String, String> parameters = rrpc("airConditioner1", "closed", "2000");
        parameters.put("AccessKeyId", accessKeyId);
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("Timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
        parameters.put("RegionId", "cn-shanghai");
        return parameters;
    }

    private void assertSuccess(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("RrpcCode").asText()).as(response.body()).isEqualTo("SUCCESS");
        assertThat(result.path("PayloadBase64Byte").asText()).isEqualTo("b2s=");
    }
}
