package io.camelrrpc.component.internal.mqtt.hivemq;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerAddressesTest {

    @Test
    void readsACommaSeparatedListInOrderWithSpacesAndDefaultPorts() {
        BrokerAddresses brokers = BrokerAddresses.parse("ssl://node1:8884, ssl://node2 ,ssl://10.0.0.3:8885");

        assertThat(brokers.size()).isEqualTo(3);
        assertThat(brokers.tls()).isTrue();
        assertThat(brokers.webSocket()).isFalse();
        assertThat(brokers).hasToString("ssl://node1:8884,ssl://node2:8883,ssl://10.0.0.3:8885");
    }

    @Test
    void aSingleAddressIsAListOfOne() {
        BrokerAddresses brokers = BrokerAddresses.parse("ws://broker:8080/mqtt");

        assertThat(brokers.size()).isEqualTo(1);
        assertThat(brokers.get(0)).isEqualTo(new BrokerAddress(false, true, "broker", 8080, "mqtt"));
        assertThat(brokers).hasToString("ws://broker:8080/mqtt");
    }

    @Test
    void refusesListsSayingWhatToFix() {
        assertThatThrownBy(() -> BrokerAddresses.parse("tcp://a:1883,,tcp://b:1883"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty address at position 2").hasMessageContaining("remove the extra comma");
        assertThatThrownBy(() -> BrokerAddresses.parse("tcp://a:1883,"))
                .hasMessageContaining("empty address at position 2");
        assertThatThrownBy(() -> BrokerAddresses.parse("tcp://a:1883,ssl://b:8883"))
                .hasMessageContaining("mixes tcp:// and ssl://").hasMessageContaining("the same scheme");
        assertThatThrownBy(() -> BrokerAddresses.parse("tcp://a,tcp://a:1883"))
                .hasMessageContaining("lists tcp://a:1883 twice");
        assertThatThrownBy(() -> BrokerAddresses.parse("tcp://a:1883,b:1883"))
                .hasMessageContaining("'b:1883'").hasMessageContaining("needs a scheme and a host");
        assertThatThrownBy(() -> BrokerAddresses.parse(" ")).hasMessageContaining("brokerUrl is empty");
    }
}
