package io.camelrrpc.component.internal.mqtt;

/**
 * One subscription on a broker connection.
 *
 * @param brokerFilter the filter sent to the broker, e.g. {@code $share/group/rrpc/rxd/P/+/+}
 * @param filter       the topics it receives, e.g. {@code rrpc/rxd/P/+/+}
 * @param qos          its QoS
 * @param listener     who receives its messages
 */
public record Subscription(String brokerFilter, String filter, int qos, MessageListener listener) {

    /** A plain subscription: the broker filter is the filter. */
    public static Subscription of(String filter, int qos, MessageListener listener) {
        return new Subscription(filter, filter, qos, listener);
    }

    /** A shared subscription: the broker hands each message to one member of the group. */
    public static Subscription shared(String group, String filter, int qos, MessageListener listener) {
        return new Subscription("$share/" + group + "/" + filter, filter, qos, listener);
    }
}
