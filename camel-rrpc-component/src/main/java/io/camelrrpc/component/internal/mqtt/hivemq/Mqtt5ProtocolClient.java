package io.camelrrpc.component.internal.mqtt.hivemq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.Mqtt5Unsubscribe;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.MessageProperties;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishResult;

/** MQTT 5 through the HiveMQ client: message properties both ways, PUBACK reason codes in the result. */
record Mqtt5ProtocolClient(Mqtt5AsyncClient client, ConnectOptions options) implements ProtocolClient {

    static Mqtt5ProtocolClient create(Mqtt5ClientBuilder builder, ConnectOptions options) {
        if (options.userName() != null || options.password() != null) {
            Mqtt5SimpleAuthBuilder auth = Mqtt5SimpleAuth.builder();
            Mqtt5SimpleAuthBuilder.Complete complete = options.userName() != null
                    ? auth.username(options.userName())
                    : auth.password(options.password().getBytes(StandardCharsets.UTF_8));
            if (options.userName() != null && options.password() != null) {
                complete.password(options.password().getBytes(StandardCharsets.UTF_8));
            }
            builder.simpleAuth(complete.build());
        }
        return new Mqtt5ProtocolClient(builder.buildAsync(), options);
    }

    @Override
    public CompletableFuture<Boolean> connect() {
        Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect = client.connectWith()
                .keepAlive(options.keepAliveSeconds()).cleanStart(options.cleanSession());
        if (!options.cleanSession()) {
            // what MQTT 3.1.1 does without clean session: the broker keeps the session until the client cleans it
            connect.noSessionExpiry();
        }
        if (options.maximumPacketSize() > 0) {
            connect.restrictions().maximumPacketSize(options.maximumPacketSize()).applyRestrictions();
        }
        return connect.send().thenApply(Mqtt5ConnAck::isSessionPresent);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }

    @Override
    public void receive(Consumer<InboundMessage> consumer) {
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> consumer.accept(new InboundMessage(
                publish.getTopic().toString(), publish.getPayloadAsBytes(), publish.getQos().getCode(),
                properties(publish))));
    }

    private static MessageProperties properties(Mqtt5Publish publish) {
        return new MessageProperties(
                publish.getResponseTopic().map(Object::toString).orElse(null),
                publish.getCorrelationData().map(Mqtt5ProtocolClient::bytes).orElse(null),
                publish.getUserProperties().asList().stream()
                        .map(p -> new MessageProperties.UserProperty(p.getName().toString(), p.getValue().toString()))
                        .toList(),
                publish.getContentType().map(MqttUtf8String::toString).orElse(null),
                publish.getPayloadFormatIndicator().orElse(null) == Mqtt5PayloadFormatIndicator.UTF_8,
                publish.getMessageExpiryInterval().orElse(MessageProperties.NO_EXPIRY));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @Override
    public CompletableFuture<List<Integer>> subscribe(String[] filters, int[] qos) {
        Mqtt5Subscribe subscribe = Mqtt5Subscribe.builder().addSubscriptions(IntStream.range(0, filters.length)
                .mapToObj(i -> Mqtt5Subscription.builder().topicFilter(filters[i]).qos(MqttQos.fromCode(qos[i])).build()))
                .build();
        return ProtocolClient.codes(client.subscribe(subscribe),
                failure -> failure instanceof Mqtt5SubAckException refused ? refused.getMqttMessage() : null,
                Mqtt5ProtocolClient::codes);
    }

    private static List<Integer> codes(Mqtt5SubAck subAck) {
        return subAck.getReasonCodes().stream().map(code -> code.getCode()).toList();
    }

    @Override
    public CompletableFuture<Void> unsubscribe(List<String> filters) {
        return client.unsubscribe(Mqtt5Unsubscribe.builder()
                .addTopicFilters(filters.stream().map(MqttTopicFilter::of)).build()).thenApply(unsubAck -> null);
    }

    @Override
    public CompletableFuture<PublishResult> publish(OutboundMessage message) {
        return client.publish(toPublish(message)).thenApply(Mqtt5ProtocolClient::result);
    }

    private static Mqtt5Publish toPublish(OutboundMessage message) {
        Mqtt5PublishBuilder.Complete publish = Mqtt5Publish.builder().topic(message.topic()).payload(message.payload())
                .qos(MqttQos.fromCode(message.qos()));
        MessageProperties properties = message.properties();
        if (properties.responseTopic() != null) {
            publish.responseTopic(properties.responseTopic());
        }
        if (properties.correlationData() != null) {
            publish.correlationData(properties.correlationData());
        }
        if (!properties.userProperties().isEmpty()) {
            publish.userProperties(Mqtt5UserProperties.of(properties.userProperties().stream()
                    .map(p -> Mqtt5UserProperty.of(p.name(), p.value())).toList()));
        }
        if (properties.contentType() != null) {
            publish.contentType(properties.contentType());
        }
        if (properties.utf8Payload()) {
            publish.payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8);
        }
        if (properties.messageExpirySeconds() != MessageProperties.NO_EXPIRY) {
            publish.messageExpiryInterval(properties.messageExpirySeconds());
        }
        return publish.build();
    }

    private static PublishResult result(Mqtt5PublishResult result) {
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result acknowledged) {
            return new PublishResult(acknowledged.getPubAck().getReasonCode().getCode(),
                    acknowledged.getPubAck().getReasonString().map(MqttUtf8String::toString).orElse(null));
        }
        return PublishResult.DONE;
    }
}
