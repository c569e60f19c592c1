package io.camelrrpc.component;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * TLS and passwords against mosquitto (TLS listener with a generated CA, password file): calls work, a wrong
 * password stops the start with a clear error, and no password ever shows in an error, a log or an endpoint URI.
 */
class SecurityIT {

    private static final String USER = "gateway-user";
    private static final String PASSWORD = "Pw4Rrpc-q7ZkX2";
    private static final String WRONG_PASSWORD = "Wrong4Rrpc-m3VbT8";

    private static TlsMosquitto tls;
    private static MosquittoBroker broker;
    private RrpcNode node;

    @BeforeAll
    static void startBroker() {
        tls = TlsMosquitto.start(b -> b.credentials(USER, PASSWORD));
        broker = tls.broker();
    }

    @AfterAll
    static void stopBroker() {
        TlsMosquitto.close(tls);
    }

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void roundTripOverTlsWithUserAndPasswordLogsNoPassword() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            node = RrpcNode.create("tls", broker.getTlsBrokerUrl(), c -> {
                c.setSslContextParameters(RrpcNode.trusting(tls.certificates()));
                c.setUserName(USER);
                c.setPassword(PASSWORD);
            }).routes(SecurityIT::echoDevice).start();

            assertThat(RrpcNode.replyText(node.request("rrpc:P/D", "over TLS"))).isEqualTo("D:over TLS");
            assertThat(node.connection().settings().brokerUrl()).startsWith("ssl://");

            assertThat(logs.size()).as("something was logged at all").isPositive();
            assertThat(logs.text()).contains(broker.getTlsBrokerUrl()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void credentialsInEndpointUrisWorkAndAreMaskedEverywhere() throws Exception {
        String credentials = "userName=" + USER + "&password=" + PASSWORD;
        try (LogCapture logs = LogCapture.start()) {
            node = RrpcNode.create("plain", broker.getBrokerUrl())
                    .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+?" + credentials))
                    .start();

            assertThat(RrpcNode.replyText(node.request("rrpc:P/D?" + credentials, "over TCP"))).isEqualTo("D:over TCP");
            assertThat(logs.text()).doesNotContain(PASSWORD);
        }
        for (Endpoint endpoint : node.context().getEndpoints()) {
            assertThat(endpoint.toString()).doesNotContain(PASSWORD);
        }
        Endpoint endpoint = node.context().getEndpoint("rrpc:P/D?" + credentials);
        assertThat(endpoint.toString()).contains("password=xxxxxx").doesNotContain(PASSWORD);
        // getEndpointUri() is Camel's key for the endpoint (the endpoint registry, toD) and keeps the password, as
        // in every Camel component; what Camel shows (toString, logs, route dumps) is the sanitised form
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).contains("password=xxxxxx").doesNotContain(PASSWORD);
    }

    @Test
    void wrongPasswordFailsTheStartWithoutShowingThePassword() throws Exception {
        Throwable failure;
        try (LogCapture logs = LogCapture.start()) {
            node = RrpcNode.create("wrong password", broker.getBrokerUrl(), c -> {
                c.setUserName(USER);
                c.setPassword(WRONG_PASSWORD);
            }).routes(SecurityIT::echoDevice);

            failure = catchThrowable(node::start);

            assertThat(failure).as("start with a wrong password").isNotNull();
            assertThat(logs.text()).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
        }
        MqttConnectionException refused = Causes.find(failure, MqttConnectionException.class);
        // user name and password are both secrets: the message names the broker only
        assertThat(refused.getMessage()).contains(broker.getBrokerUrl()).doesNotContain(USER);
        assertThat(Causes.fullText(failure)).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
        assertThat(node.context().isStarted()).isFalse();
    }

    @Test
    void wrongPasswordOnMosquittoSaysBadUserNameOrPassword() throws Exception {
        // mosquitto refuses a wrong password with CONNACK 5 "not authorized"; ACLs play no part in a connect
        node = RrpcNode.create("wrong password", broker.getBrokerUrl(), c -> {
            c.setUserName(USER);
            c.setPassword(WRONG_PASSWORD);
        }).routes(SecurityIT::echoDevice);

        Throwable failure = catchThrowable(node::start);

        assertThat(Causes.find(failure, MqttConnectionException.class).getMessage()).contains("bad user name or password");
    }

    @Test
    void wrongPasswordOnABrokerAnsweringBadUserNameOrPasswordSaysSo() throws Exception {
        // Moquette refuses a wrong password with CONNACK 4 "bad user name or password"
        try (EmbeddedMqttBroker moquette = EmbeddedMqttBroker.builder().credentials(USER, PASSWORD).start()) {
            node = RrpcNode.create("wrong password", moquette.getBrokerUrl(), c -> {
                c.setUserName(USER);
                c.setPassword(WRONG_PASSWORD);
            }).routes(SecurityIT::echoDevice);

            Throwable failure = catchThrowable(node::start);

            assertThat(Causes.find(failure, MqttConnectionException.class).getMessage())
                    .contains(moquette.getBrokerUrl(), "bad user name or password").doesNotContain(WRONG_PASSWORD);
        }
    }

    private static void echoDevice(RouteBuilder r) {
        RrpcNode.echoingDevices(r, "rrpc:P/+");
    }
}
