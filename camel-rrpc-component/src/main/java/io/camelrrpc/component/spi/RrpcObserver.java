package io.camelrrpc.component.spi;

/**
 * Hears what the component does, e.g. to keep metrics. The component calls it on its own threads (the MQTT client's,
 * the timer's, the completion and consumer pools): an implementation must be quick, must not block and should not
 * throw (the component logs and ignores what it throws).
 */
public interface RrpcObserver {

    /**
     * A producer's call ended, just before its exchange continues.
     *
     * @param address       the device called; its processId is {@code null} when the call failed before it had one
     * @param outcome       how it ended
     * @param durationNanos from the producer taking the exchange to the call's end
     */
    default void callEnded(RrpcAddress address, CallOutcome outcome, long durationNanos) {
    }

    /** A message on a reply topic completed no call. */
    default void replyDropped(ReplyDropReason reason) {
    }

    /**
     * A consumer handled a request: its route ran and the reply, if any, was handed to the broker connection.
     *
     * @param address       the device asked and the request's processId
     * @param failed        whether the route failed
     * @param durationNanos from the request's arrival to the reply's publication
     */
    default void requestHandled(RrpcAddress address, boolean failed, long durationNanos) {
    }

    /** A consumer dropped a request without running its route. */
    default void requestDropped(RequestDropReason reason) {
    }

    /** A broker connection was opened for the component's endpoints. */
    default void connectionOpened(RrpcConnection connection) {
    }

    /** A broker connection was closed: its last endpoint stopped. */
    default void connectionClosed(RrpcConnection connection) {
    }
}
