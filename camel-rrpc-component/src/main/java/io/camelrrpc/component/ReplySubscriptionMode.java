package io.camelrrpc.component;

/** How a producer's node subscribes to replies. */
public enum ReplySubscriptionMode {
    /**
     * One wildcard subscription to every device's replies. Cheapest on one node; with several nodes on one broker,
     * every node receives every node's replies and drops the others' (inbound traffic grows with the node count).
     */
    Wildcard,
    /**
     * One subscription per device called, made before the first call to it and kept until it has been idle for
     * replySubscriptionLinger. A node receives only the replies of the devices it calls, so nodes scale out; the
     * first call to a device waits one extra broker round trip, and the broker keeps one subscription per node and
     * active device.
     */
    PerDevice
}
