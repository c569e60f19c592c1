package io.camelrrpc.component;

import io.camelrrpc.component.mqtt.Transport;

/** {@link ReplySubscriptionModesIT} on the HiveMQ transport. */
class ReplySubscriptionModesHiveMqIT extends ReplySubscriptionModesIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
