package io.camelrrpc.component.internal.mqtt.hivemq;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuthBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.message.unsubscribe.Mqtt3Unsubscribe;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.MessageProperties;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishResult;

/** MQTT 3.1.1 through the HiveMQ client: no properties, no reason codes. */
record Mqtt3ProtocolClient(Mqtt3AsyncClient client, ConnectOptions options) implements ProtocolClient {

    static Mqtt3ProtocolClient create(Mqtt3ClientBuilder builder, ConnectOptions options) {
        if (options.userName() != null) {
            Mqtt3SimpleAuthBuilder.Complete auth = Mqtt3SimpleAuth.builder().username(options.userName());
            if (options.password() != null) {
                auth.password(options.password().getBytes(StandardCharsets.UTF_8));
            }
            builder.simpleAuth(auth.build());
        }
        return new Mqtt3ProtocolClient(builder.buildAsync(), options);
    }

    @Override
    public CompletableFuture<Boolean> connect() {
        return client.connectWith().keepAlive(options.keepAliveSeconds()).cleanSession(options.cleanSession()).send()
                .thenApply(Mqtt3ConnAck::isSessionPresent);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }

    @Override
    public void receive(Consumer<InboundMessage> consumer) {
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> consumer.accept(new InboundMessage(
                publish.getTopic().toString(), publish.getPayloadAsBytes(), publish.getQos().getCode(),
                MessageProperties.NONE)));
    }

    @Override
    public CompletableFuture<List<Integer>> subscribe(String[] filters, int[] qos) {
        Mqtt3Subscribe subscribe = Mqtt3Subscribe.builder().addSubscriptions(IntStream.range(0, filters.length)
                .mapToObj(i -> Mqtt3Subscription.builder().topicFilter(filters[i]).qos(MqttQos.fromCode(qos[i])).build()))
                .build();
        return ProtocolClient.codes(client.subscribe(subscribe),
                failure -> failure instanceof Mqtt3SubAckException refused ? refused.getMqttMessage() : null,
                Mqtt3ProtocolClient::codes);
    }

    private static List<Integer> codes(Mqtt3SubAck subAck) {
        return subAck.getReturnCodes().stream().map(Mqtt3SubAckReturnCode::getCode).toList();
    }

    @Override
    public CompletableFuture<Void> unsubscribe(List<String> filters) {
        return client.unsubscribe(Mqtt3Unsubscribe.builder()
                .addTopicFilters(filters.stream().map(MqttTopicFilter::of)).build());
    }

    @Override
    public CompletableFuture<PublishResult> publish(OutboundMessage message) {
        Mqtt3Publish publish = Mqtt3Publish.builder().topic(message.topic()).payload(message.payload())
                .qos(MqttQos.fromCode(message.qos())).build();
        return client.publish(publish).thenApply(published -> PublishResult.DONE);
    }
}
