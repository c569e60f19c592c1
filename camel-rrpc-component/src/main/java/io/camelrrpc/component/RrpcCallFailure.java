package io.camelrrpc.component;

import io.camelrrpc.component.spi.RrpcAddress;

/** A failed call to a device: which device and which processId. */
public interface RrpcCallFailure {

    /** The call's device and processId. */
    RrpcAddress getAddress();

    default String getProductId() {
        return getAddress().productId();
    }

    default String getDeviceName() {
        return getAddress().deviceName();
    }

    default String getProcessId() {
        return getAddress().processId();
    }
}
