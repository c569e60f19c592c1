package io.camelrrpc.component.internal.mqtt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our QoS 0 PUBLISH packets are byte for byte what Paho 1.2.5 writes for the same message. */
class Qos0PublishTest {

    /** Payload sizes that put the remaining length (2 + topic + payload) on each side of its 1/2/3/4-byte steps. */
    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 110, 111, 16_366, 16_367, 2_097_134, 2_097_135 })
    void encodesLikePaho(int payloadSize) throws Exception {
        String topic = "$rrpc/rxd/温度/D/1"; // 17 bytes of UTF-8
        byte[] payload = new byte[payloadSize];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(0);
        MqttPublish paho = new MqttPublish(topic, message);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(paho.getHeader());
        expected.write(paho.getPayload());

        assertThat(Qos0Publish.encode(topic, payload)).isEqualTo(expected.toByteArray());
    }

    @Test
    void refusesWhatMqttCannotCarry() {
        byte[] none = new byte[0];
        for (String topic : new String[] { "", "a/+/b", "a/#", "a\u0000b" }) {
            assertThatThrownBy(() -> Qos0Publish.encode(topic, none)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a topic name");
        }
        String longTopic = "é".repeat(32_768); // 65,536 bytes
        assertThatThrownBy(() -> Qos0Publish.encode(longTopic, none)).hasMessageContaining("65536 bytes of UTF-8");
        assertThat(Qos0Publish.encode("é".repeat(32_767), none)).hasSize(1 + 3 + 2 + 65_534);
        assertThat(new String(Qos0Publish.encode("a", none), StandardCharsets.UTF_8)).isEqualTo("0\u0003\u0000\u0001a");
    }
}
