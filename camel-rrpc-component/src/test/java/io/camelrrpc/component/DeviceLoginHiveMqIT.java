package io.camelrrpc.component;

import io.camelrrpc.component.mqtt.Transport;

/** {@link DeviceLoginIT} on the HiveMQ transport. */
class DeviceLoginHiveMqIT extends DeviceLoginIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
