package io.camelrrpc.component;

/** {@link RoundTripIT} on the HiveMQ transport. */
class RoundTripHiveMqIT extends RoundTripIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
