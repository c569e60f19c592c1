package io.camelrrpc.component;

/** {@link DeviceLoginIT} on the HiveMQ transport. */
class DeviceLoginHiveMqIT extends DeviceLoginIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
