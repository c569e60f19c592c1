package io.camelrrpc.component.mqtt.hivemq;

import io.camelrrpc.component.mqtt.ConnectionSettings;
import io.camelrrpc.component.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.mqtt.Transport;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a HiveMQ connection refuses before it connects. */
class HiveMqConnectionTest {

    @Test
    void aPahoClientBeanNeedsThePahoTransport() throws Exception {
        MqttAsyncClient paho = new MqttAsyncClient("tcp://localhost:1883", "paho", new MemoryPersistence());

        assertThatThrownBy(() -> connection(settings("tcp://localhost:1883", null, null, paho), MqttProtocolVersion.V5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Paho client bean");
    }

    @Test
    void mqtt311NeedsAUserNameWithAPassword() {
        ConnectionSettings passwordOnly = settings("tcp://localhost:1883", null, "secret", null);

        assertThatThrownBy(() -> connection(passwordOnly, MqttProtocolVersion.V3_1_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set userName")
                .hasMessageNotContaining("secret");
        assertThat(connection(passwordOnly, MqttProtocolVersion.V5).protocolVersion()).isEqualTo(MqttProtocolVersion.V5);
    }

    @Test
    void anUnknownSchemeFailsEarly() {
        assertThatThrownBy(() -> connection(settings("http://localhost", null, null, null), MqttProtocolVersion.V5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp, ssl, ws or wss");
    }

    private static HiveMqConnection connection(ConnectionSettings settings, MqttProtocolVersion version) {
        return new HiveMqConnection(new DefaultCamelContext(), settings.with(Transport.HiveMQ, version));
    }

    private static ConnectionSettings settings(String url, String userName, String password, MqttAsyncClient client) {
        return new ConnectionSettings(url, "id", userName, password, true, 60, 5, true, 1000, 10, true, null, client, null,
                Transport.HiveMQ, MqttProtocolVersion.V3_1_1, ConnectionSettings.ANY_PAYLOAD);
    }
}
