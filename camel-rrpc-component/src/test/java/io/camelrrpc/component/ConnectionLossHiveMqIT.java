package io.camelrrpc.component;

/** {@link ConnectionLossIT} on the HiveMQ transport. */
class ConnectionLossHiveMqIT extends ConnectionLossIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
