package io.camelrrpc.examples;

import java.time.Duration;
import java.util.List;

import io.camelrrpc.examples.device.DeviceId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code rrpc.*} properties of the example application.
 *
 * @param brokerUrl      A real MQTT broker, e.g. tcp://broker.example:1883; no embedded broker starts then (same as
 *                       setting camel.component.rrpc.broker-url)
 * @param embeddedBroker The broker started when no broker URL is set
 * @param simulator      The simulated devices
 * @param http           The HTTP API
 * @param tencentApi     The Tencent-compatible cloud API (PublishRRPCMessage)
 * @param alibabaApi     The Alibaba-compatible cloud API (RRpc)
 */
@ConfigurationProperties("rrpc")
public record ExampleProperties(String brokerUrl, @DefaultValue EmbeddedBroker embeddedBroker,
        @DefaultValue Simulator simulator, @DefaultValue Http http, @DefaultValue TencentApi tencentApi,
        @DefaultValue AlibabaApi alibabaApi) {

    /**
     * The embedded broker.
     *
     * @param port TCP port of the embedded broker on 127.0.0.1; 0 picks a free one
     */
    public record EmbeddedBroker(@DefaultValue("1883") int port) {
    }

    /**
     * The simulated devices.
     *
     * @param enabled Whether to simulate devices
     * @param devices The simulated air conditioners, as productId/deviceName
     */
    public record Simulator(@DefaultValue("true") boolean enabled,
            @DefaultValue("KL4J2ABCD8/airConditioner1") List<DeviceId> devices) {
    }

    /**
     * The HTTP API.
     *
     * @param maxPayloadBytes Largest request payload sent to a device; larger ones are refused with 413 (2048 is
     *                        the receive buffer of Tencent's C device SDK)
     * @param maxTimeout      Longest {@code ?timeout=} a caller may ask for; longer ones are refused with 400 (so a
     *                        silent device cannot hold a call for longer)
     */
    public record Http(@DefaultValue("2048") int maxPayloadBytes, @DefaultValue("60s") Duration maxTimeout) {
    }

    /**
     * The Tencent-compatible cloud API. With both set, requests must be signed with TC3-HMAC-SHA256; with neither,
     * they are not checked.
     *
     * @param secretId  The SecretId callers name in their Authorization header
     * @param secretKey The SecretKey they sign with (never logged)
     */
    public record TencentApi(String secretId, String secretKey) {

        @Override
        public String toString() {
            return "TencentApi[secretId=" + secretId + ", secretKey=" + (secretKey == null ? null : "****") + "]";
        }
    }

    /**
     * The Alibaba-compatible cloud API. With both set, requests must be signed as Alibaba Cloud's RPC APIs are
     * (HMAC-SHA1, signature version 1.0); with neither, they are not checked.
     *
     * @param accessKeyId     The AccessKeyId callers name
     * @param accessKeySecret The AccessKey secret they sign with (never logged)
     */
    public record AlibabaApi(String accessKeyId, String accessKeySecret) {

        @Override
        public String toString() {
            return "AlibabaApi[accessKeyId=" + accessKeyId + ", accessKeySecret="
                   + (accessKeySecret == null ? null : "****") + "]";
        }
    }
}
