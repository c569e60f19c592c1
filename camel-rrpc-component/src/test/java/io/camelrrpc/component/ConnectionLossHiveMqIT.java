package io.camelrrpc.component;

import io.camelrrpc.component.mqtt.Transport;

/** {@link ConnectionLossIT} on the HiveMQ transport. */
class ConnectionLossHiveMqIT extends ConnectionLossIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
