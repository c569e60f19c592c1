package io.camelrrpc.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component against an independent implementation of the protocol: mosquitto and its C command-line clients.
 * A subscription of a command-line client is in place some time after its process starts, so the first messages
 * may pass it by: the tests repeat the first exchange until one gets through.
 */
class MosquittoClientsIT extends MosquittoClientsTestSupport {

    private static final Pattern REPLY_LINE = Pattern.compile("\\$rrpc/txd/P/D/(\\S+) pong:ping-(\\S+)");

    private int nextId;

    @Test
    void producerCallsADeviceMadeOfMosquittoSubAndPub() throws Exception {
        clients.startAckingDevice("P", "D");
        node = RrpcNode.create("server", broker.getBrokerUrl()).start();

        await("a call the device's mosquitto_sub is subscribed for").atMost(Duration.ofSeconds(10))
                .until(() -> node.request("rrpc:P/D", "hello", Map.of(RrpcConstants.REQUEST_TIMEOUT, 500))
                        .getException() == null);

        for (int i = 1; i <= 5; i++) {
            assertThat(RrpcNode.replyText(node.request("rrpc:P/D", "call " + i))).isEqualTo("ack:call " + i);
        }
        assertThat(node.correlator().pendingCalls()).isZero();
    }

    @Test
    void producerWithAlibabaDialectCallsADeviceOnAlibabasTopics() throws Exception {
        clients.startAckingDeviceOn("/sys/a1B2c3D4e5F/pump7/rrpc/request/+", "/sys/a1B2c3D4e5F/pump7/rrpc/response/");
        MosquittoClients.Background requests = clients.subscribe("alibaba-requests", "-v", "-t", "/sys/+/+/rrpc/#");
        node = RrpcNode.create("server", broker.getBrokerUrl(), c -> c.setDialect(RrpcDialect.Alibaba)).start();

        await("a call the device's mosquitto_sub is subscribed for").atMost(Duration.ofSeconds(10))
                .until(() -> node.request("rrpc:a1B2c3D4e5F/pump7", "hello", Map.of(RrpcConstants.REQUEST_TIMEOUT, 500))
                        .getException() == null);
        Exchange call = node.request("rrpc:a1B2c3D4e5F/pump7", "start");

        assertThat(RrpcNode.replyText(call)).isEqualTo("ack:start");
        String processId = call.getMessage().getHeader(RrpcConstants.PROCESS_ID, String.class);
        await("both messages seen by mosquitto_sub").atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(requests.output()).contains("/sys/a1B2c3D4e5F/pump7/rrpc/request/" + processId + " start",
                        "/sys/a1B2c3D4e5F/pump7/rrpc/response/" + processId + " ack:start"));
    }

    @Test
    void consumerAnswersMosquittoPubAndTheReplyReachesMosquittoSub() throws Exception {
        node = RrpcNode.create("device", broker.getBrokerUrl())
                .routes(r -> r.from("rrpc:P/D").transform(r.simple("pong:${body}"))).start();
        MosquittoClients.Background replies = clients.subscribe("replies", "-C", "1", "-v", "-t", "$rrpc/txd/P/D/+");
        List<String> sentIds = new ArrayList<>();

        await("a reply printed by mosquitto_sub -C 1").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!replies.isAlive()) {
                        return true;
                    }
                    String id = freshProcessId();
                    sentIds.add(id);
                    clients.publish("$rrpc/rxd/P/D/" + id, "ping-" + id);
                    return false;
                });

        assertThat(replies.process().exitValue()).as("mosquitto_sub output: %s", replies.output()).isZero();
        Matcher reply = REPLY_LINE.matcher(replies.output().strip());
        assertThat(reply.matches()).as("reply line '%s'", replies.output()).isTrue();
        assertThat(reply.group(1)).as("processId of the reply").isIn(sentIds).isEqualTo(reply.group(2));
    }

    @Test
    void consumerAnswersMosquittoRr() throws Exception {
        node = RrpcNode.create("device", broker.getBrokerUrl())
                .routes(r -> r.from("rrpc:P/+").transform(r.simple("${header.CamelRrpcDeviceName} says ${body}"))).start();

        for (String device : List.of("D", "E")) {
            String id = freshProcessId();
            String reply = clients.requestReply("$rrpc/rxd/P/" + device + "/" + id, "$rrpc/txd/P/" + device + "/" + id,
                    "hi from mosquitto_rr");
            assertThat(reply).isEqualTo(device + " says hi from mosquitto_rr");
        }
    }

    /** A fixed-width id, as devices with Tencent's C SDK need. */
    private String freshProcessId() {
        return String.format("mosqclients%05d", nextId++);
    }
}
