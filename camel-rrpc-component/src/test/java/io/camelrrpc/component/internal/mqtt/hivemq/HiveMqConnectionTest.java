package io.camelrrpc.component.internal.mqtt.hivemq;

import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a HiveMQ connection refuses before it connects, and what its CONNECT asks for. */
class HiveMqConnectionTest {

    @Test
    void mqtt311NeedsAUserNameWithAPassword() {
        ConnectionSettings passwordOnly = settings("tcp://localhost:1883", null, "secret");

        assertThatThrownBy(() -> connection(passwordOnly, MqttProtocolVersion.V3_1_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set userName")
                .hasMessageNotContaining("secret");
        assertThat(connection(passwordOnly, MqttProtocolVersion.V5).protocolVersion()).isEqualTo(MqttProtocolVersion.V5);
    }

    @Test
    void anUnknownSchemeFailsEarly() {
        assertThatThrownBy(() -> connection(settings("http://localhost", null, null), MqttProtocolVersion.V5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp, ssl, ws or wss");
    }

    @Test
    void theMaximumPacketSizeIsMaxPayloadSizeWithHeadroomWithinWhatMqttAllows() {
        assertThat(HiveMqConnection.maximumPacketSize(settings(ConnectionSettings.ANY_PAYLOAD))).as("no limit").isZero();
        assertThat(HiveMqConnection.maximumPacketSize(settings(1024))).isEqualTo(1024 + 64 * 1024);
        assertThat(HiveMqConnection.maximumPacketSize(settings(268_435_455))).as("the largest MQTT packet")
                .isEqualTo(268_435_460);
    }

    private static HiveMqConnection connection(ConnectionSettings settings, MqttProtocolVersion version) {
        return new HiveMqConnection(new DefaultCamelContext(), settings.with(version));
    }

    private static ConnectionSettings settings(String url, String userName, String password) {
        return settings(url, userName, password, ConnectionSettings.ANY_PAYLOAD);
    }

    private static ConnectionSettings settings(int maxPayloadSize) {
        return settings("tcp://localhost:1883", null, null, maxPayloadSize);
    }

    private static ConnectionSettings settings(String url, String userName, String password, int maxPayloadSize) {
        return new ConnectionSettings(url, "id", userName, password, true, 60, 5, true, 1000, null, null,
                MqttProtocolVersion.V3_1_1, maxPayloadSize);
    }
}
