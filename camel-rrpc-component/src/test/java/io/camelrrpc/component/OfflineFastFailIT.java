package io.camelrrpc.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.broker.MosquittoBroker;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQTT 5 with qos=1 on Mosquitto: a request nobody subscribes to gets PUBACK reason code 16 and fails at once with
 * {@link RrpcDeviceOfflineException}; a device that speaks MQTT 3.1.1 and subscribes is called as usual.
 */
class OfflineFastFailIT {

    private static final long TIMEOUT_MILLIS = 4000;

    private MosquittoBroker broker;
    private RrpcNode caller;
    private FakeDevice device;

    @BeforeEach
    void start() {
        broker = MosquittoBroker.builder().start();
        caller = RrpcNode.create("caller", broker.getBrokerUrl(), c -> {
            c.setProtocolVersion("5");
            c.setQos(1);
            c.setRequestTimeout(TIMEOUT_MILLIS);
        }).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (device != null) {
            device.close();
        }
        caller.close();
        broker.close();
    }

    @Test
    void callToADeviceNobodySubscribesForFailsAtOnceAsOffline() {
        long calledAt = System.nanoTime();
        Exchange call = caller.request("rrpc:P/absent", "anyone?");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - calledAt);

        assertThat(call.getException()).isInstanceOf(RrpcDeviceOfflineException.class)
                .hasMessageContaining("P/absent").hasMessageContaining("offline")
                .hasMessageContaining(call.getMessage().getHeader(RrpcConstants.PROCESS_ID, String.class));
        assertThat(tookMillis).as("ms until the call failed").isLessThan(TIMEOUT_MILLIS / 4);
    }

    @Test
    void subscribedMqtt311DeviceIsCalledAsUsual() throws Exception {
        device = FakeDevice.start(broker.getBrokerUrl(), "P", "+");
        CompletableFuture<Exchange> call = CompletableFuture.supplyAsync(() -> caller.request("rrpc:P/lamp", "on"));
        FakeDevice.Request request = device.nextRequest();
        device.reply(request, "lamp is on");

        assertThat(RrpcNode.replyText(call.get(5, TimeUnit.SECONDS))).isEqualTo("lamp is on");
    }
}
