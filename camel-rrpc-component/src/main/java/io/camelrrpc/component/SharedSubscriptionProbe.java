package io.camelrrpc.component;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.component.internal.topic.TopicTemplate;

/**
 * Checks that the broker really delivers shared subscriptions on the request topics. Mosquitto and Moquette accept
 * {@code $share/g/$rrpc/...} and then deliver nothing, which would leave a consumer started but deaf. The probe
 * subscribes, in a group of its own, to the requests of a product no device has, and sends itself one request.
 */
final class SharedSubscriptionProbe {

    /** The product of probe requests; consumers ignore it. */
    static final String PRODUCT = "__rrpc_probe__";
    private static final long TIMEOUT_MILLIS = 2000;

    private SharedSubscriptionProbe() {
    }

    static boolean isProbe(RrpcAddress address) {
        return PRODUCT.equals(address.productId());
    }

    static void verify(MqttTransport connection, TopicTemplate requests, int qos)
            throws MqttConnectionException, InterruptedException {
        String device = UUID.randomUUID().toString().replace("-", "");
        CountDownLatch delivered = new CountDownLatch(1);
        Subscription probe = Subscription.shared("rrpc-probe-" + device, requests.filter(PRODUCT, device), qos,
                (topic, payload) -> delivered.countDown());
        connection.subscribe(probe);
        try {
            connection.publish(requests.topic(PRODUCT, device, "probe"), new byte[0], qos, failure -> {
            });
            if (!delivered.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new MqttConnectionException(
                        "The broker " + connection.settings().describe() + " accepts shared subscriptions on '"
                                                  + requests.filter("+", "+")
                                                  + "' but delivered nothing to one within " + TIMEOUT_MILLIS
                                                  + " ms. Mosquitto and Moquette do this for topics starting with '$':"
                                                  + " use a requestTopicTemplate without a leading '$' (and devices"
                                                  + " that use it), a broker that supports it (HiveMQ, EMQX), or no"
                                                  + " sharedSubscriptionGroup.");
            }
        } finally {
            connection.unsubscribe(probe);
        }
    }
}
