package io.camelrrpc.component;

/** {@link ReplySubscriptionModesIT} on the HiveMQ transport. */
class ReplySubscriptionModesHiveMqIT extends ReplySubscriptionModesIT {

    @Override
    protected Transport transport() {
        return Transport.HiveMQ;
    }
}
