package io.camelrrpc.examples;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.iotcloud.v20210408.IotcloudClient;
import com.tencentcloudapi.iotcloud.v20210408.models.PublishRRPCMessageRequest;
import com.tencentcloudapi.iotcloud.v20210408.models.PublishRRPCMessageResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tencent Cloud's official Java SDK ({@code IotcloudClient} 2021-04-08) calling PublishRRPCMessage on the running
 * example, keys configured, at a plain {@code localhost:PORT} endpoint (the SDK signs the service
 * {@code localhost:PORT}) and at {@code 127.0.0.1:PORT} (service {@code 127}). docs/examples.md shows the tagged
 * methods as they are here ({@link SdkSnippetsInDocsTest}).
 */
class TencentSdkTest extends SignedCloudApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "127.0.0.1" })
    void callsTheDeviceAndAnswersItsReply(String host) throws Exception {
        IotcloudClient client = tencentClient(host + ":" + port, SECRET_ID, SECRET_KEY);

        assertThat(new String(callDevice(client, "KL4J2ABCD8", "airConditioner1", "closed"), StandardCharsets.UTF_8))
                .isEqualTo("ok");
    }

    @Test
    void answersWithTheDevicesReplyBytesAndACountingMessageId() throws Exception {
        IotcloudClient client = tencentClient("localhost:" + port, SECRET_ID, SECRET_KEY);
        PublishRRPCMessageRequest request = new PublishRRPCMessageRequest();
        request.setProductId(RecordingDevices.PRODUCT_ID);
        request.setDeviceName("sdk1");
        request.setPayload("温度 22");

        PublishRRPCMessageResponse first = client.PublishRRPCMessage(request);
        PublishRRPCMessageResponse second = client.PublishRRPCMessage(request);

        byte[] sent = "温度 22".getBytes(StandardCharsets.UTF_8);
        assertThat(Base64.getDecoder().decode(first.getPayloadBase64())).isEqualTo(RecordingDevices.reply(sent));
        assertThat(second.getMessageId()).isGreaterThan(first.getMessageId());
        assertThat(first.getRequestId()).isNotBlank().isNotEqualTo(second.getRequestId());
    }

    @Test
    void aWrongSecretKeyIsSignatureFailure() {
        IotcloudClient client = tencentClient("localhost:" + port, SECRET_ID, "another-secret-key");

        assertThat(errorCode(client, "airConditioner1", "closed")).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void anUnknownSecretIdIsSecretIdNotFound() {
        IotcloudClient client = tencentClient("localhost:" + port, "AKIDsomebodyElse", SECRET_KEY);

        assertThat(errorCode(client, "airConditioner1", "closed")).isEqualTo("AuthFailure.SecretIdNotFound");
    }

    @Test
    void aSilentDeviceIsRrpcTimeout() {
        IotcloudClient client = tencentClient("localhost:" + port, SECRET_ID, SECRET_KEY);

        assertThat(errorCode(client, "nobody", "open")).isEqualTo("FailedOperation.RRPCTimeout");
    }

    @Test
    void errorsAreMappedAsDocumented() {
        IotcloudClient client = tencentClient("localhost:" + port, SECRET_ID, SECRET_KEY);

        assertThat(errorCode(client, "air/conditioner", "open")).isEqualTo("InvalidParameterValue");
        assertThat(errorCode(client, "airConditioner1", "x".repeat(2049)))
                .isEqualTo("InvalidParameterValue.PayloadOverLimit");
    }

    private static String errorCode(IotcloudClient client, String deviceName, String payload) {
        TencentCloudSDKException refused = catchThrowableOfType(TencentCloudSDKException.class,
                () -> callDevice(client, "KL4J2ABCD8", deviceName, payload));
        assertThat(refused).as("the SDK's exception").isNotNull();
        assertThat(refused.getRequestId()).isNotBlank();
        return refused.getErrorCode();
    }

    // tag::tencent-sdk[]
    static IotcloudClient tencentClient(String endpoint, String secretId, String secretKey) {
        HttpProfile httpProfile = new HttpProfile();
        httpProfile.setEndpoint(endpoint); // e.g. "localhost:8080"
        httpProfile.setProtocol("http://");
        ClientProfile clientProfile = new ClientProfile();
        clientProfile.setHttpProfile(httpProfile);
        return new IotcloudClient(new Credential(secretId, secretKey), "ap-guangzhou", clientProfile);
    }

    static byte[] callDevice(IotcloudClient client, String productId, String deviceName, String payload)
            throws TencentCloudSDKException {
        PublishRRPCMessageRequest request = new PublishRRPCMessageRequest();
        request.setProductId(productId);
        request.setDeviceName(deviceName);
        request.setPayload(payload);
        PublishRRPCMessageResponse response = client.PublishRRPCMessage(request);
        return Base64.getDecoder().decode(response.getPayloadBase64());
    }
    // end::tencent-sdk[]
}
