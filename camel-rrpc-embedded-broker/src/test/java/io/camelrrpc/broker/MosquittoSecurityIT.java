package io.camelrrpc.broker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.camelrrpc.broker.TestMqttClient.Options;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.security.KeyStore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link MosquittoBroker} with a TLS listener and with a password file. */
class MosquittoSecurityIT {

    @BeforeAll
    static void requireMosquittoAndOpenssl() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
        assumeTrue(TlsCertificates.isOpensslInstalled(), "openssl is not installed");
    }

    @Test
    void rrpcRoundTripOverTlsWithTheGeneratedTrustStore() throws Exception {
        try (TlsCertificates certificates = TlsCertificates.generate();
             MosquittoBroker broker = MosquittoBroker.builder().tls(certificates).start()) {
            assertEquals("ssl://127.0.0.1:" + broker.getTlsPort(), broker.getTlsBrokerUrl());
            try (TestMqttClient device = TestMqttClient.connect(broker.getTlsBrokerUrl(), trustStoreFile(certificates));
                 TestMqttClient server = TestMqttClient.connect(broker.getBrokerUrl())) {
                RrpcExchange.assertRoundTrip(server, device, "1");
            }
        }
    }

    @Test
    void tlsClientsWithoutTheTestCaAreRejected() throws Exception {
        try (TlsCertificates certificates = TlsCertificates.generate();
             TlsCertificates otherCa = TlsCertificates.generate();
             MosquittoBroker broker = MosquittoBroker.builder().tls(certificates).start()) {
            Options wrongTrust = Options.trusting(otherCa.trustManagerFactory());

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> TestMqttClient.connect(broker.getTlsBrokerUrl(), wrongTrust).close());

            assertTrue(causes(refused).anyMatch(SSLHandshakeException.class::isInstance), "a failed TLS handshake");
            Options rightTrust = Options.trusting(certificates.trustManagerFactory());
            try (TestMqttClient client = TestMqttClient.connect(broker.getTlsBrokerUrl(), rightTrust)) {
                assertTrue(client.isConnected());
            }
        }
    }

    @Test
    void passwordFileAdmitsOnlyTheRightCredentials() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().credentials("device", "s3cret").start()) {
            try (TestMqttClient client = TestMqttClient.connect(broker.getBrokerUrl(), Options.login("device", "s3cret"))) {
                assertTrue(client.isConnected());
            }
            TestMqttClient.assertLoginRefused(broker.getBrokerUrl(), Options.login("device", "wrong"));
            TestMqttClient.assertLoginRefused(broker.getBrokerUrl(), TestMqttClient.Options.DEFAULT);
        }
    }

    @Test
    void passwordFileHoldsEveryUserAndIsReplacedAtTheNextRestart() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().credentials("PD;12010126;AAAAA;1700000600", "a;b")
                .credentials("D&P", "c").start()) {
            assertConnects(broker.getBrokerUrl(), Options.login("PD;12010126;AAAAA;1700000600", "a;b"));
            assertConnects(broker.getBrokerUrl(), Options.login("D&P", "c"));

            broker.setCredentials(Map.of("D&P", "next"));
            assertConnects(broker.getBrokerUrl(), Options.login("D&P", "c"));
            broker.restart();

            TestMqttClient.assertLoginRefused(broker.getBrokerUrl(), Options.login("D&P", "c"));
            TestMqttClient.assertLoginRefused(broker.getBrokerUrl(), Options.login("PD;12010126;AAAAA;1700000600", "a;b"));
            assertConnects(broker.getBrokerUrl(), Options.login("D&P", "next"));
        }
    }

    private static void assertConnects(String brokerUrl, Options options) throws Exception {
        try (TestMqttClient client = TestMqttClient.connect(brokerUrl, options)) {
            assertTrue(client.isConnected());
        }
    }

    /** The trust store as a Java client would be configured from files, e.g. in Camel endpoint options. */
    private static Options trustStoreFile(TlsCertificates certificates) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(certificates.trustStore().toFile())) {
            store.load(in, certificates.trustStorePassword().toCharArray());
        }
        assertEquals(1, store.size());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        return Options.trusting(trust);
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }


}
