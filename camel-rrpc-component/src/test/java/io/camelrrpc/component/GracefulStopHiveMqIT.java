package io.camelrrpc.component;

import io.camelrrpc.component.mqtt.Transport;

/** {@link GracefulStopIT} on the HiveMQ transport. */
class GracefulStopHiveMqIT extends GracefulStopIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
