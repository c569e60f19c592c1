package io.camelrrpc.component;

import io.camelrrpc.component.mqtt.Transport;

/** {@link RoundTripIT} on the HiveMQ transport. */
class RoundTripHiveMqIT extends RoundTripIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
