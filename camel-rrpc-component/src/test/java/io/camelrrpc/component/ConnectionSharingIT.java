package io.camelrrpc.component;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Endpoints whose connection settings differ get connections of their own. When those would collide (the same
 * explicit client id on one broker, which makes the broker disconnect one for the other, or the same client bean,
 * whose one callback one connection would take from the other), the start fails and says which endpoints and options.
 */
class ConnectionSharingIT {

    @RegisterExtension
    static final SharedEmbeddedBroker BROKER = new SharedEmbeddedBroker();

    private RrpcNode node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void sameClientIdWithOtherSettingsFailsTheStartNamingBothEndpointsAndTheOptions() throws Exception {
        node = RrpcNode.create("node", BROKER.url()).routes(r -> {
            r.from("rrpc:P/+?clientId=gw").routeId("device").log("${body}");
            r.from("direct:call").routeId("caller").to("rrpc:P/D?clientId=gw&keepAliveInterval=30&userName=u&password=s3cret");
        });

        String failure = startFailure();

        assertThat(failure).contains("'rrpc://P/+?clientId=", "'rrpc://P/D?clientId=", "clientId 'gw'",
                "keepAliveInterval", "password").doesNotContain("s3cret");
        assertThat(node.component().getConnections()).as("connections left open").isEmpty();
    }

    private String startFailure() {
        Throwable failure = catchThrowable(node::start);
        assertThat(failure).as("the start").isNotNull();
        return Causes.fullText(failure);
    }

    @Test
    void sameClientIdWithTheSameSettingsSharesOneConnection() throws Exception {
        node = RrpcNode.create("node", BROKER.url()).routes(r -> {
            RrpcNode.echoingDevices(r, "rrpc:P/+?clientId=gw");
            r.from("direct:call").to("rrpc:P/D?clientId=gw");
        }).start();

        assertThat(RrpcNode.replyText(node.request("direct:call", "hi"))).isEqualTo("D:hi");
        assertThat(node.connection().clientId()).isEqualTo("gw");
        assertThat(node.component().getConnections()).as("the public view of the one shared connection")
                .singleElement().satisfies(connection -> {
                    assertThat(connection.id()).isEqualTo("gw@" + BROKER.url());
                    assertThat(connection.protocolVersion()).isEqualTo("3.1.1");
                    assertThat(connection.isConnected()).isTrue();
                    assertThat(connection.status().isReady()).isTrue();
                });
    }
}
