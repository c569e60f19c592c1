package io.camelrrpc.component.internal.correlation;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.camelrrpc.component.internal.mqtt.ConnectionDownException;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.FilterSubscribingTransport;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishResult;

/**
 * A broker connection without a broker, for the correlator's tests: it grants every SUBSCRIBE at once, records what
 * it is asked to publish, and drops and comes back when the test says, as a clean-session connection does (the
 * broker forgets the subscriptions until {@link #restore()} makes them again). Nothing crosses a wire: what the
 * correlator does with the connection's states is under test here, not the broker.
 */
final class ScriptedTransport extends FilterSubscribingTransport {

    /** What the connection was asked to publish while connected, in order. */
    final List<OutboundMessage> published = new CopyOnWriteArrayList<>();
    private final MqttProtocolVersion version;
    private volatile boolean connected = true;
    private volatile boolean reconnectWhenAsked;

    ScriptedTransport(MqttProtocolVersion version) {
        super(new ConnectionSettings("tcp://scripted:1883", "scripted", null, null, true, 60, 1, true, 1000, null, null,
                version, ConnectionSettings.ANY_PAYLOAD));
        this.version = version;
    }

    /** The connection drops: the broker forgets every subscription, and the listeners are told (on this thread). */
    void drop() {
        connected = false;
        IllegalStateException cause = new IllegalStateException("dropped by the test");
        subscriptions.connectionLost(cause);
        tellEachListener(listener -> listener.connectionLost(cause));
    }

    /**
     * The connection comes back right after the next question whether it is connected, which still hears "no": the
     * client reconnects between a caller's check and what the caller does next. No subscription is made again yet.
     */
    void reconnectRightAfterTheNextQuestion() {
        reconnectWhenAsked = true;
    }

    /** The connection is back; no subscription is made again yet. */
    void reconnect() {
        connected = true;
    }

    /** Makes every subscription again on the current connection, as after a reconnect. */
    void restore() {
        subscriptions.restore().join();
    }

    @Override
    public boolean isConnected() {
        boolean answer = connected;
        if (!answer && reconnectWhenAsked) {
            reconnectWhenAsked = false;
            reconnect();
        }
        return answer;
    }

    @Override
    protected void sendSubscribe(String[] filters, int[] qos, BiConsumer<boolean[], Throwable> done) {
        if (!connected) {
            done.accept(null, new ConnectionDownException("not connected", null));
            return;
        }
        boolean[] granted = new boolean[filters.length];
        Arrays.fill(granted, true);
        done.accept(granted, null);
    }

    @Override
    protected void sendUnsubscribe(String[] filters, Consumer<Throwable> done) {
        done.accept(null);
    }

    @Override
    protected String explain(Throwable failure) {
        return failure.getMessage();
    }

    /** Records the message and succeeds while connected; fails at once, as the contract says, while not. */
    @Override
    public CompletableFuture<PublishResult> publish(OutboundMessage message) {
        if (!connected) {
            return CompletableFuture.failedFuture(new MqttConnectionException("not connected"));
        }
        published.add(message);
        return CompletableFuture.completedFuture(PublishResult.DONE);
    }

    @Override
    public MqttProtocolVersion protocolVersion() {
        return version;
    }

    @Override
    public String clientId() {
        return "scripted";
    }

    @Override
    public void acceptPayloads(int maxBytes) {
    }

    @Override
    public long undecodablePackets() {
        return 0;
    }
}
