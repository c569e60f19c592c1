package io.camelrrpc.component;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests with a {@link FakeDevice} serving every device of product {@code P}. */
abstract class FakeDeviceTestSupport extends RrpcTestSupport {

    protected FakeDevice device;

    @BeforeEach
    void startDevice() throws Exception {
        device = FakeDevice.start(broker.getBrokerUrl(), "P", "+");
    }

    @AfterEach
    void stopDevice() throws Exception {
        if (device != null) {
            device.close();
        }
    }
}
