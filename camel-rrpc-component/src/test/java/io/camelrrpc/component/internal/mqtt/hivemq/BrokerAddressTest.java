package io.camelrrpc.component.internal.mqtt.hivemq;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerAddressTest {

    @Test
    void schemesChooseTlsAndWebSocket() {
        assertThat(BrokerAddress.parse("tcp://broker:1884")).isEqualTo(new BrokerAddress(false, false, "broker", 1884, ""));
        assertThat(BrokerAddress.parse("ssl://broker:8884")).isEqualTo(new BrokerAddress(true, false, "broker", 8884, ""));
        assertThat(BrokerAddress.parse("ws://broker:8080/mqtt"))
                .isEqualTo(new BrokerAddress(false, true, "broker", 8080, "mqtt"));
        assertThat(BrokerAddress.parse("WSS://broker:8443/a/b"))
                .isEqualTo(new BrokerAddress(true, true, "broker", 8443, "a/b"));
    }

    @Test
    void portsDefaultToMqttsUsualOnes() {
        assertThat(BrokerAddress.parse("tcp://broker").port()).isEqualTo(1883);
        assertThat(BrokerAddress.parse("ssl://broker").port()).isEqualTo(8883);
        assertThat(BrokerAddress.parse("ws://broker").port()).isEqualTo(80);
        assertThat(BrokerAddress.parse("wss://broker").port()).isEqualTo(443);
    }

    @Test
    void otherUrlsFailSayingWhatToWrite() {
        assertThatThrownBy(() -> BrokerAddress.parse("mqtt://broker:1883"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mqtt://broker:1883'").hasMessageContaining("tcp, ssl, ws or wss");
        assertThatThrownBy(() -> BrokerAddress.parse("broker:1883")).hasMessageContaining("needs a scheme and a host");
    }
}
