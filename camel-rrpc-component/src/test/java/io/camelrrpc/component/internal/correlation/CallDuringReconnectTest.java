package io.camelrrpc.component.internal.correlation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.camelrrpc.component.ReplySubscriptionMode;
import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.component.RrpcConnectionLostException;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.topic.TopicTemplate;
import io.camelrrpc.component.spi.RrpcObserver;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call made while the connection is down, or back but without its reply subscription yet, fails at once and sends
 * nothing: its reply could not arrive, so it would otherwise time out. The connection is a {@link ScriptedTransport},
 * which puts the reconnect exactly where a busy machine may put it.
 */
class CallDuringReconnectTest {

    /** Far longer than any wait here: a call still pending would show as a failed assertion, not as a timeout. */
    private static final long TIMEOUT_MILLIS = 600_000;

    private final CamelContext camelContext = new DefaultCamelContext();
    private ScriptedTransport connection;
    private ReplyCorrelator correlator;

    static Stream<Arguments> setups() {
        return Stream.of(ReplySubscriptionMode.values()).flatMap(mode -> Stream.of(MqttProtocolVersion.values())
                .map(version -> Arguments.of(mode, version)));
    }

    @AfterEach
    void stop() {
        correlator.stop();
        camelContext.stop();
    }

    @ParameterizedTest(name = "{0}, MQTT {1}")
    @MethodSource("setups")
    void aCallSendsItsRequestOnlyWhileItsReplySubscriptionIsInPlace(ReplySubscriptionMode mode,
                                                                    MqttProtocolVersion version) throws Exception {
        start(mode, version);
        loseTheConnectionWithACallWaiting();

        // down when the call asks, back an instant later, before its request would go out: the window of issue 23
        connection.reconnectRightAfterTheNextQuestion();
        CompletableFuture<Exchange> whileDown = new CompletableFuture<>();
        PendingCall down = call(whileDown);
        assertThat(connection.published).as("no request whose reply subscription is not in place").isEmpty();
        assertThat(connection.isConnected()).as("the connection came back while the call was being made").isTrue();
        assertThat(whileDown.get(30, TimeUnit.SECONDS).getException()).isInstanceOf(RrpcCallException.class)
                .hasMessageContaining("P/D").hasMessageContaining(down.address().processId())
                .hasMessageContaining("not connected").hasMessageContaining("tcp://scripted:1883");

        // connected, the reply subscription not made again yet
        CompletableFuture<Exchange> beforeRestore = new CompletableFuture<>();
        PendingCall early = call(beforeRestore);
        assertThat(connection.published).isEmpty();
        assertThat(beforeRestore.get(30, TimeUnit.SECONDS).getException())
                .isInstanceOf(RrpcConnectionLostException.class).hasMessageContaining("P/D")
                .hasMessageContaining(early.address().processId())
                .cause().hasMessageContaining("not in place again yet after a reconnect");
        assertThat(correlator.pendingCalls()).isZero();

        connection.restore();
        PendingCall sent = call(new CompletableFuture<>());
        assertThat(connection.published).singleElement()
                .satisfies(request -> assertThat(request.topic()).isEqualTo(sent.requestTopic()));
        assertThat(correlator.pendingCalls()).isOne();
    }

    private void start(ReplySubscriptionMode mode, MqttProtocolVersion version) {
        camelContext.start();
        connection = new ScriptedTransport(version);
        correlator = new ReplyCorrelator(camelContext, connection,
                TopicTemplate.parse("replyTopicTemplate", TopicTemplate.TENCENT_REPLY), 1, mode, TIMEOUT_MILLIS, null,
                new RrpcObserver() {
                });
        correlator.start();
    }

    /** A call is sent, then the connection drops: the call fails, and its device's reply subscription is gone. */
    private void loseTheConnectionWithACallWaiting() throws Exception {
        CompletableFuture<Exchange> ended = new CompletableFuture<>();
        call(ended);
        assertThat(connection.published).hasSize(1);
        connection.drop();
        assertThat(ended.get(30, TimeUnit.SECONDS).getException()).isInstanceOf(RrpcConnectionLostException.class);
        connection.published.clear();
    }

    private PendingCall call(CompletableFuture<Exchange> ended) throws RrpcCallException {
        PendingCall call = TestCalls.call(new DefaultExchange(camelContext), ended, TIMEOUT_MILLIS);
        correlator.call(call);
        return call;
    }
}
