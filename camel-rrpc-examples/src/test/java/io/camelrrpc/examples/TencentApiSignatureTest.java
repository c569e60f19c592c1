package io.camelrrpc.examples;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.examples.cloud.RawHttp;
import io.camelrrpc.examples.cloud.Tc3TestSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PublishRRPCMessage with rrpc.tencent-api.secret-id/secret-key set: requests signed with openssl as Tencent's
 * documentation describes, sent over HTTP to the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class TencentApiSignatureTest extends SignedCloudApiTestSupport {

    private static final String BODY =
            "{\"ProductId\":\"KL4J2ABCD8\",\"DeviceName\":\"airConditioner1\",\"Payload\":\"closed\"}";
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";

    @Autowired
    ObjectMapper json;

    @ParameterizedTest
    @CsvSource({ "2021-04-08, iotcloud", "2018-06-14, iotcloud", "2019-04-23, iotexplorer" })
    void aRequestSignedWithTheKeyCallsTheDevice(String version, String service) throws Exception {
        Tc3Call call = new Tc3Call().version(version).service(service);

        assertSuccess(call.send());
    }

    @Test
    void theReadablePathChecksSignaturesToo() throws Exception {
        assertSuccess(new Tc3Call().path("/api/tencent/PublishRRPCMessage").send());
        assertError(new Tc3Call().path("/api/tencent/PublishRRPCMessage").unsigned().send(),
                "AuthFailure.SignatureFailure");
    }

    @Test
    void aRequestWithoutAuthorizationIsSignatureFailure() throws Exception {
        assertError(new Tc3Call().unsigned().send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void aSignatureMadeWithAnotherSecretKeyIsSignatureFailure() throws Exception {
        assertError(new Tc3Call().secretKey("another-secret-key").send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void aBodyWithTextBeyondAsciiIsHashedAsUtf8() throws Exception {
        String body = BODY.replace("}", ",\"Remark\":\"温度 ✓\"}");

        assertSuccess(new Tc3Call().body(body).send());
    }

    @Test
    void aBodyChangedAfterSigningIsSignatureFailure() throws Exception {
        assertError(new Tc3Call().sentBody(BODY.replace("closed", "open")).send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void aSignatureForAnotherHostIsSignatureFailure() throws Exception {
        assertError(new Tc3Call().signedHost("iotcloud.tencentcloudapi.com").send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void aCredentialScopeForAnotherServiceIsSignatureFailure() throws Exception {
        assertError(new Tc3Call().version("2021-04-08").service("iotexplorer").send(),
                "AuthFailure.SignatureFailure");
    }

    @Test
    void aCredentialScopeNamingTheFirstLabelOfTheHostIsAcceptedAsTencentsSdksSignIt() throws Exception {
        assertSuccess(new Tc3Call().service(raw.host()).send());
        assertSuccess(new Tc3Call().via(new RawHttp("127.0.0.1", port)).service("127").send());
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "127", "cvm", "iotcloud.tencentcloudapi.com" })
    void aCredentialScopeNamingAnyOtherServiceIsSignatureFailure(String service) throws Exception {
        assertError(new Tc3Call().service(service).send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void theHostsFirstLabelIsTakenFromTheHostTheRequestWasSentTo() throws Exception {
        assertError(new Tc3Call().via(new RawHttp("127.0.0.1", port)).service("localhost:" + port).send(),
                "AuthFailure.SignatureFailure");
        assertError(new Tc3Call().via(new RawHttp("127.0.0.1", port)).service("127.0.0.1:" + port).send(),
                "AuthFailure.SignatureFailure");
    }

    @Test
    void anUnknownSecretIdIsSecretIdNotFound() throws Exception {
        assertError(new Tc3Call().secretId("AKIDsomebodyElse").send(), "AuthFailure.SecretIdNotFound");
    }

    @ParameterizedTest
    @ValueSource(longs = { -360, 360, -86_400 })
    void aTimestampMoreThanFiveMinutesOffIsSignatureExpire(long offsetSeconds) throws Exception {
        Tc3Call call = new Tc3Call().timestamp(Instant.now().getEpochSecond() + offsetSeconds);

        assertError(call.send(), "AuthFailure.SignatureExpire");
    }

    @Test
    void aTimestampFourMinutesOffIsAccepted() throws Exception {
        assertSuccess(new Tc3Call().timestamp(Instant.now().getEpochSecond() - 240).send());
    }

    @Test
    void moreSignedHeadersAreSignedWithLowerCaseValues() throws Exception {
        Tc3Call call = new Tc3Call().signedHeaders("content-type;host;x-tc-action",
                "content-type:" + CONTENT_TYPE + "\nhost:" + raw.host() + "\nx-tc-action:publishrrpcmessage\n");

        assertSuccess(call.send());
    }

    @Test
    void signedHeadersWithoutHostAreInvalidAuthorization() throws Exception {
        Tc3Call call = new Tc3Call().signedHeaders("content-type", "content-type:" + CONTENT_TYPE + "\n");

        assertError(call.send(), "AuthFailure.InvalidAuthorization");
    }

    @Test
    void aSignedHeaderMissingFromTheRequestIsSignatureFailure() throws Exception {
        Tc3Call call = new Tc3Call().signedHeaders("content-type;host;x-tc-nonce",
                "content-type:" + CONTENT_TYPE + "\nhost:" + raw.host() + "\nx-tc-nonce:1\n");

        assertError(call.send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void aVersionWithoutTheActionIsNoSuchVersionAndNoVersionIsMissingParameter() throws Exception {
        assertError(new Tc3Call().version("2017-03-12").send(), "NoSuchVersion");
        assertError(new Tc3Call().version(null).send(), "MissingParameter");
    }

    @Test
    void theSecretKeyIsNeverLogged(CapturedOutput output) throws Exception {
        new Tc3Call().send();
        new Tc3Call().secretKey("another-secret-key").send();

        assertThat(output).doesNotContain(SECRET_KEY);
    }

    private void assertSuccess(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).path("Response");
        assertThat(result.has("Error")).as(response.body()).isFalse();
        assertThat(result.path("PayloadBase64").asText())
                .isEqualTo(Base64.getEncoder().encodeToString("ok".getBytes(StandardCharsets.UTF_8)));
    }

    private void assertError(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).path("Response");
        assertThat(result.path("Error").path("Code").asText()).as(response.body()).isEqualTo(code);
        assertThat(result.path("Error").path("Message").asText()).isNotBlank();
        assertThat(UUID.fromString(result.path("RequestId").asText())).isNotNull();
        assertThat(result.has("PayloadBase64")).isFalse();
    }

    /** A PublishRRPCMessage request, by default correctly signed; each setter spoils one part. */
    private final class Tc3Call {

        private String path = "/";
        private String version = "2021-04-08";
        private String service = "iotcloud";
        private long timestamp = Instant.now().getEpochSecond();
        private String secretId = SECRET_ID;
        private String secretKey = SECRET_KEY;
        private String signedHost;
        private String signedHeaders = "content-type;host";
        private String canonicalHeaders;
        private String signedBody = BODY;
        private String sentBody = BODY;
        private boolean signed = true;
        private RawHttp http = raw;

        /** Sends the request over this client, to its host, and signs that host unless told another. */
        Tc3Call via(RawHttp value) {
            http = value;
            return this;
        }

        Tc3Call path(String value) {
            path = value;
            return this;
        }

        Tc3Call version(String value) {
            version = value;
            return this;
        }

        Tc3Call service(String value) {
            service = value;
            return this;
        }

        Tc3Call timestamp(long value) {
            timestamp = value;
            return this;
        }

        Tc3Call secretId(String value) {
            secretId = value;
            return this;
        }

        Tc3Call secretKey(String value) {
            secretKey = value;
            return this;
        }

        Tc3Call signedHost(String value) {
            signedHost = value;
            return this;
        }

        Tc3Call signedHeaders(String names, String canonical) {
            signedHeaders = names;
            canonicalHeaders = canonical;
            return this;
        }

        Tc3Call body(String value) {
            signedBody = value;
            sentBody = value;
            return this;
        }

        Tc3Call sentBody(String value) {
            sentBody = value;
            return this;
        }

        Tc3Call unsigned() {
            signed = false;
            return this;
        }

        HttpResponse<String> send() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", CONTENT_TYPE);
            headers.put("X-TC-Action", "PublishRRPCMessage");
            headers.put("X-TC-Timestamp", Long.toString(timestamp));
            headers.put("X-TC-Region", "ap-guangzhou");
            if (version != null) {
                headers.put("X-TC-Version", version);
            }
            if (signed) {
                String host = Objects.requireNonNullElse(signedHost, http.host());
                String canonical = canonicalHeaders != null
                        ? canonicalHeaders : "content-type:" + CONTENT_TYPE + "\nhost:" + host + "\n";
                headers.put("Authorization", Tc3TestSigner.authorization(secretId, secretKey, service, timestamp,
                        path, canonical, signedHeaders, signedBody));
            }
            return http.post(path, headers, sentBody);
        }
    }
}
