package io.camelrrpc.broker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link MosquittoBroker} with MQTT over WebSocket, plain and with TLS. */
class MosquittoWebSocketIT {

    @BeforeAll
    static void requireMosquittoAndOpenssl() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
        assumeTrue(TlsCertificates.isOpensslInstalled(), "openssl is not installed");
    }

    @Test
    void rrpcRoundTripOverWebSocketsWithAndWithoutTls() throws Exception {
        try (TlsCertificates certificates = TlsCertificates.generate();
             MosquittoBroker broker = MosquittoBroker.builder().tls(certificates).webSockets().start()) {

            try (TestMqttClient device = TestMqttClient.connect(broker.getWebSocketBrokerUrl());
                 TestMqttClient server = TestMqttClient.connect(broker.getSecureWebSocketBrokerUrl(),
                         TestMqttClient.Options.trusting(certificates.trustManagerFactory()))) {
                assertEquals("ws://127.0.0.1:", broker.getWebSocketBrokerUrl().replaceFirst("\\d+/mqtt$", ""));
                RrpcExchange.assertRoundTrip(server, device, "1");
            }
        }
    }

    @Test
    void urlsNeedTheListeners() {
        try (MosquittoBroker plain = MosquittoBroker.builder().webSockets().build()) {
            assertThrows(IllegalStateException.class, plain::getSecureWebSocketBrokerUrl);
        }
        try (MosquittoBroker none = MosquittoBroker.builder().build()) {
            assertThrows(IllegalStateException.class, none::getWebSocketBrokerUrl);
        }
    }
}
