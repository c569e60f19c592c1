package io.camelrrpc.component;

/** {@link TimeoutIT} on the HiveMQ transport. */
class TimeoutHiveMqIT extends TimeoutIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
