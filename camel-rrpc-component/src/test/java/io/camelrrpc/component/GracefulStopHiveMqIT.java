package io.camelrrpc.component;

/** {@link GracefulStopIT} on the HiveMQ transport. */
class GracefulStopHiveMqIT extends GracefulStopIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
