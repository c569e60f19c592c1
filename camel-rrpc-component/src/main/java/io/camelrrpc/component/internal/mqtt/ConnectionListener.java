package io.camelrrpc.component.internal.mqtt;

/** Hears when the broker connection drops and when it is back with every subscription restored. */
public interface ConnectionListener {

    /** The connection dropped; called on the MQTT client's thread, so hand off any real work. */
    void connectionLost(Throwable cause);

    /** The connection is back after it was lost; its subscriptions are being made again. */
    default void reconnected() {
    }

    /** The connection is back and every subscription was made again. */
    default void resubscribed() {
    }

    /** After a reconnect, the broker refused or did not confirm a subscription; it will be tried again. */
    default void resubscribeFailed(String filter, Throwable cause) {
    }
}
