package io.camelrrpc.component;

/** {@link BrokerRestartIT} on the HiveMQ transport. */
class BrokerRestartHiveMqIT extends BrokerRestartIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
