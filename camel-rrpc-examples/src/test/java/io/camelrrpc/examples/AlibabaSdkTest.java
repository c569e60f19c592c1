package io.camelrrpc.examples;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.iot.model.v20180120.RRpcRequest;
import com.aliyuncs.iot.model.v20180120.RRpcResponse;
import com.aliyuncs.profile.DefaultProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Alibaba Cloud's official Java SDK ({@code aliyun-java-sdk-iot} 6.11.0, core 4.6.4) calling RRpc on the running
 * example, keys configured, at {@code localhost:PORT} over HTTP. docs/examples.md shows the tagged methods as they
 * are here ({@link SdkSnippetsInDocsTest}).
 */
class AlibabaSdkTest extends SignedCloudApiTestSupport {

    /** Alibaba's signature covers neither host nor path: the SDK's request is accepted at whichever host it calls. */
    @ParameterizedTest
    @ValueSource(strings = { "localhost", "127.0.0.1" })
    void callsTheDeviceAndAnswersItsReply(String host) throws Exception {
        RRpcResponse response = callDevice(alibabaClient(ACCESS_KEY_ID, ACCESS_KEY_SECRET), host + ":" + port,
                "KL4J2ABCD8", "airConditioner1", "closed".getBytes(StandardCharsets.UTF_8), 2000);

        assertThat(response.getSuccess()).isTrue();
        assertThat(response.getRrpcCode()).isEqualTo("SUCCESS");
        assertThat(Base64.getDecoder().decode(response.getPayloadBase64Byte())).asString(StandardCharsets.UTF_8)
                .isEqualTo("ok");
        assertThat(response.getMessageId()).isPositive();
        assertThat(response.getRequestId()).isNotBlank();
    }

    @Test
    void sendsAnyBytesAndCountsMessageIds() throws Exception {
        IAcsClient client = alibabaClient(ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        byte[] payload = { 0, (byte) 0xff, '+', '/', '=', ' ', '&' };

        RRpcResponse first = callDevice(client, "localhost:" + port, RecordingDevices.PRODUCT_ID, "sdk1", payload, 2000);
        RRpcResponse second = callDevice(client, "localhost:" + port, RecordingDevices.PRODUCT_ID, "sdk1", payload, 2000);

        assertThat(Base64.getDecoder().decode(first.getPayloadBase64Byte())).isEqualTo(RecordingDevices.reply(payload));
        assertThat(second.getMessageId()).isGreaterThan(first.getMessageId());
    }

    @Test
    void aWrongSecretIsRefusedAsTheSdkReportsSignatureDoesNotMatch() {
        IAcsClient client = alibabaClient(ACCESS_KEY_ID, "another-secret");

        // the SDK turns the server's SignatureDoesNotMatch into SDK.InvalidAccessKeySecret
        assertThat(errorCode(client)).isEqualTo("SDK.InvalidAccessKeySecret");
    }

    @Test
    void anUnknownAccessKeyIdIsInvalidAccessKeyIdNotFound() {
        IAcsClient client = alibabaClient("LTAIsomebodyElse", ACCESS_KEY_SECRET);

        assertThat(errorCode(client)).isEqualTo("InvalidAccessKeyId.NotFound");
    }

    @Test
    void aSilentDeviceIsRrpcCodeTimeout() throws Exception {
        RRpcResponse response = callAirConditioner("nobody", "open", 1000);

        assertThat(response.getSuccess()).isTrue();
        assertThat(response.getRrpcCode()).isEqualTo("TIMEOUT");
        assertThat(response.getPayloadBase64Byte()).isNull();
    }

    @Test
    void errorsOfTheCallAreMappedAsDocumented() throws Exception {
        RRpcResponse badTimeout = callAirConditioner("airConditioner1", "open", 500);
        RRpcResponse badDevice = callAirConditioner("air+conditioner", "open", 2000);

        assertThat(badTimeout.getSuccess()).isFalse();
        assertThat(badTimeout.getCode()).isEqualTo("iot.messagebroker.InvalidTimeoutValue");
        assertThat(badTimeout.getErrorMessage()).contains("1000", "8000");
        assertThat(badDevice.getSuccess()).isFalse();
        assertThat(badDevice.getCode()).isEqualTo("iot.device.InvalidFormattedDeviceName");
    }

    /** A call with the configured key to a device of product KL4J2ABCD8 (the simulated air conditioners). */
    private RRpcResponse callAirConditioner(String deviceName, String command, int timeoutMillis)
            throws ClientException {
        return callDevice(alibabaClient(ACCESS_KEY_ID, ACCESS_KEY_SECRET), "localhost:" + port, "KL4J2ABCD8",
                deviceName, command.getBytes(StandardCharsets.UTF_8), timeoutMillis);
    }

    private String errorCode(IAcsClient client) {
        ClientException refused = catchThrowableOfType(ClientException.class, () -> callDevice(client,
                "localhost:" + port, "KL4J2ABCD8", "airConditioner1", "closed".getBytes(StandardCharsets.UTF_8), 2000));
        assertThat(refused).as("the SDK's exception").isNotNull();
        return refused.getErrCode();
    }

    // tag::alibaba-sdk[]
    static IAcsClient alibabaClient(String accessKeyId, String accessKeySecret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", accessKeyId, accessKeySecret));
    }

    static RRpcResponse callDevice(IAcsClient client, String endpoint, String productKey, String deviceName,
            byte[] payload, int timeoutMillis) throws ClientException {
        RRpcRequest request = new RRpcRequest();
        request.setSysEndpoint(endpoint); // e.g. "localhost:8080"
        request.setSysProtocol(ProtocolType.HTTP);
        request.setProductKey(productKey);
        request.setDeviceName(deviceName);
        request.setRequestBase64Byte(Base64.getEncoder().encodeToString(payload));
        request.setTimeout(timeoutMillis);
        return client.getAcsResponse(request);
    }
    // end::alibaba-sdk[]
}
