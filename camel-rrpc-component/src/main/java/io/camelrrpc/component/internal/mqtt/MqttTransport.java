package io.camelrrpc.component.internal.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Service;

/**
 * One broker connection as the component uses it, whatever MQTT client is underneath. It is shared by every endpoint
 * with the same {@link ConnectionSettings}; it reconnects by itself (when the settings say so), makes its subscriptions
 * again after a clean-session reconnect, and tells {@link ConnectionListener}s.
 * <p>
 * Threading: no method blocks on the network except {@link #subscribe} (and starting and stopping). Message
 * listeners and publish and subscribe outcomes run on the client's I/O thread, connection listeners on the transport's
 * callback threads: each must be quick, never block, and hand real work (a route, above all) to a pool of its own.
 */
public interface MqttTransport extends Service {

    /** What identifies this connection; also names the broker in logs ({@link ConnectionSettings#describe()}). */
    ConnectionSettings settings();

    /**
     * The broker the connection is on now, or tries to reach while it is down: one of the addresses of a
     * {@code brokerUrl} list (e.g. {@code tcp://node2:1883}).
     */
    default String currentBroker() {
        return settings().brokerUrl();
    }

    /** Times the connection came back on another broker of its {@code brokerUrl} list than the one it lost. */
    default long failovers() {
        return 0;
    }

    /** The protocol spoken on this connection: MQTT 5 properties and reason codes only exist on {@code V5}. */
    MqttProtocolVersion protocolVersion();

    /** Whether the broker connection is up and every subscription is in place. */
    boolean isHealthy();

    boolean isConnected();

    String clientId();

    void addListener(ConnectionListener listener);

    void removeListener(ConnectionListener listener);

    /**
     * Subscribes and waits for the broker's SUBACK, so that a caller that returns has a working subscription.
     *
     * @throws MqttConnectionException when the broker refuses or does not answer in time
     */
    Subscription subscribe(Subscription subscription) throws MqttConnectionException, InterruptedException;

    /**
     * Subscribes without blocking; messages are delivered from when the broker has answered.
     *
     * @param done told once: {@code null} when the subscription is in place, else why it failed (the subscription is
     *             then removed)
     */
    void subscribeAsync(Subscription subscription, PublishCallback done);

    /**
     * Whether the broker has granted the subscription's filter on the current connection (e.g. again after a
     * reconnect). Cheap: read on every call.
     */
    boolean isSubscribed(Subscription subscription);

    /**
     * Accepts payloads up to this size from now on, unless a larger size was accepted before: the connection's
     * endpoints check their own limits. Larger messages are not delivered as messages but reported to their
     * subscriptions' {@link MessageListener#onOversized} (and counted in {@link #oversizedMessages()}).
     */
    void acceptPayloads(int maxBytes);

    /** Messages skipped because their payload was over every limit of this connection's endpoints. */
    long oversizedMessages();

    /**
     * Packets from the broker that this connection's client cannot decode. The connection closes on each (MQTT
     * requires it of a client that receives a malformed packet) and reconnects.
     */
    long undecodablePackets();

    /** Stops delivering a subscription's messages and unsubscribes when no one else uses its filter. */
    void unsubscribe(Subscription subscription);

    /** {@link #unsubscribe} for many, in as few UNSUBSCRIBE packets as the transport can send. */
    default void unsubscribeAll(List<Subscription> subscriptions) {
        subscriptions.forEach(this::unsubscribe);
    }

    /**
     * Publishes without blocking. Fails at once, without queueing, when not connected.
     *
     * @return completes when the message was written (QoS 0) or acknowledged (QoS 1), with the broker's reason code
     *         on MQTT 5; fails with an {@link MqttConnectionException}, an {@link MqttPublishRefusedException} when an
     *         MQTT 5 broker refused it
     */
    CompletableFuture<PublishResult> publish(OutboundMessage message);

    /** Publishes a message without properties; the callback runs exactly once. */
    default void publish(String topic, byte[] payload, int qos, PublishCallback callback) {
        publish(OutboundMessage.of(topic, payload, qos)).whenComplete((result, failure) -> callback.completed(failure));
    }
}
