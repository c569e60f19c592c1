package io.camelrrpc.component;

import io.camelrrpc.component.mqtt.Transport;

/** {@link BrokerRestartIT} on the HiveMQ transport. */
class BrokerRestartHiveMqIT extends BrokerRestartIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
