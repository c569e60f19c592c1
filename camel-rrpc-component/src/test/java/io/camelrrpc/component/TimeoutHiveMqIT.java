package io.camelrrpc.component;

import io.camelrrpc.component.mqtt.Transport;

/** {@link TimeoutIT} on the HiveMQ transport. */
class TimeoutHiveMqIT extends TimeoutIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
