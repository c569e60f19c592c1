package io.camelrrpc.component.internal.mqtt;

/** Learns how a publish ended. */
@FunctionalInterface
public interface PublishCallback {

    /**
     * The publish ended: written to the network (QoS 0) or acknowledged (QoS 1), or failed.
     *
     * @param failure {@code null} on success, else why it failed
     */
    void completed(Throwable failure);
}
