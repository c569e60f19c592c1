package io.camelrrpc.component.internal.mqtt.hivemq;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishResult;

/**
 * The HiveMQ client's MQTT 3.1.1 and MQTT 5 APIs behind one face. Futures complete on the client's application
 * scheduler (the Netty thread, see {@link HiveMqConnection}); they fail with the client's own exceptions (see
 * {@link HiveMqFailures}).
 */
interface ProtocolClient {

    /** What a connection needs besides where the broker is. */
    record ConnectOptions(int keepAliveSeconds, boolean cleanSession, String userName, String password,
            int maximumPacketSize) {
    }

    /**
     * A client of the version; its login is the client's, not the CONNECT's, since the client's automatic reconnects
     * send only the client's login.
     */
    static ProtocolClient create(MqttProtocolVersion version, MqttClientBuilder builder, ConnectOptions options) {
        return version == MqttProtocolVersion.V5
                ? Mqtt5ProtocolClient.create(builder.useMqttVersion5(), options)
                : Mqtt3ProtocolClient.create(builder.useMqttVersion3(), options);
    }

    /** Whether the broker kept our session: then it kept our subscriptions too. */
    static boolean sessionPresent(MqttClientConnectedContext context) {
        if (context instanceof Mqtt5ClientConnectedContext mqtt5) {
            return mqtt5.getConnAck().isSessionPresent();
        }
        return context instanceof Mqtt3ClientConnectedContext mqtt3 && mqtt3.getConnAck().isSessionPresent();
    }

    /**
     * The codes of a SUBACK future: the client fails it when the broker refused any filter, with an exception that
     * holds the SUBACK; that one completes normally here.
     *
     * @param refusedAck the SUBACK inside such an exception, else {@code null}
     */
    static <A> CompletableFuture<List<Integer>> codes(CompletableFuture<A> subAck, Function<Throwable, A> refusedAck,
                                                      Function<A, List<Integer>> codes) {
        return subAck.handle((ack, failure) -> {
            A answer = failure == null ? ack : refusedAck.apply(HiveMqFailures.unwrap(failure));
            if (answer == null) {
                throw HiveMqFailures.rethrow(failure);
            }
            return codes.apply(answer);
        });
    }

    MqttClient client();

    default MqttClientState state() {
        return client().getState();
    }

    /** Connects; completes with whether the broker had a session for us. */
    CompletableFuture<Boolean> connect();

    CompletableFuture<Void> disconnect();

    /**
     * Hands every message that arrives to the consumer, until the session ends (with {@code resubscribeIfSessionExpired}
     * off, the client forgets it then and it must be given again).
     */
    void receive(Consumer<InboundMessage> consumer);

    /**
     * Sends one SUBSCRIBE with all these filters, each at its QoS.
     *
     * @return the SUBACK's code for each, in order: the granted QoS, or 0x80 and above when refused; fails only when
     *         the broker did not answer
     */
    CompletableFuture<List<Integer>> subscribe(String[] filters, int[] qos);

    /** Sends one UNSUBSCRIBE with all these filters. */
    CompletableFuture<Void> unsubscribe(List<String> filters);

    CompletableFuture<PublishResult> publish(OutboundMessage message);
}
