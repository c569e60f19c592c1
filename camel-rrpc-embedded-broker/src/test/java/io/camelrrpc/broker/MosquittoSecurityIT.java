package io.camelrrpc.broker;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.FileInputStream;
import java.security.KeyStore;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
            MqttConnectOptions tls = new MqttConnectOptions();
            tls.setSSLProperties(trustStoreProperties(certificates));

            try (TestMqttClient device = TestMqttClient.connect(broker.getTlsBrokerUrl(), tls);
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
            MqttConnectOptions wrongTrust = new MqttConnectOptions();
            wrongTrust.setSocketFactory(otherCa.socketFactory());

            MqttException refused = assertThrows(MqttException.class,
                    () -> TestMqttClient.connect(broker.getTlsBrokerUrl(), wrongTrust).close());

            assertInstanceOf(SSLHandshakeException.class, refused.getCause());
            MqttConnectOptions rightTrust = new MqttConnectOptions();
            rightTrust.setSocketFactory(certificates.socketFactory());
            try (TestMqttClient client = TestMqttClient.connect(broker.getTlsBrokerUrl(), rightTrust)) {
                assertTrue(client.isConnected());
            }
        }
    }

    @Test
    void passwordFileAdmitsOnlyTheRightCredentials() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().credentials("device", "s3cret").start()) {
            try (TestMqttClient client = TestMqttClient.connect(broker.getBrokerUrl(), login("device", "s3cret"))) {
                assertTrue(client.isConnected());
            }
            assertRefused(broker.getBrokerUrl(), login("device", "wrong"));
            assertRefused(broker.getBrokerUrl(), new MqttConnectOptions());
        }
    }

    @Test
    void passwordFileHoldsEveryUserAndIsReplacedAtTheNextRestart() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().credentials("PD;12010126;AAAAA;1700000600", "a;b")
                .credentials("D&P", "c").start()) {
            assertConnects(broker.getBrokerUrl(), login("PD;12010126;AAAAA;1700000600", "a;b"));
            assertConnects(broker.getBrokerUrl(), login("D&P", "c"));

            broker.setCredentials(Map.of("D&P", "next"));
            assertConnects(broker.getBrokerUrl(), login("D&P", "c"));
            broker.restart();

            assertRefused(broker.getBrokerUrl(), login("D&P", "c"));
            assertRefused(broker.getBrokerUrl(), login("PD;12010126;AAAAA;1700000600", "a;b"));
            assertConnects(broker.getBrokerUrl(), login("D&P", "next"));
        }
    }

    private static void assertConnects(String brokerUrl, MqttConnectOptions options) throws MqttException {
        try (TestMqttClient client = TestMqttClient.connect(brokerUrl, options)) {
            assertTrue(client.isConnected());
        }
    }

    /** The trust store as a Java client would be configured from files, e.g. in Camel endpoint options. */
    private static Properties trustStoreProperties(TlsCertificates certificates) throws Exception {
        KeyStore check = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(certificates.trustStore().toFile())) {
            check.load(in, certificates.trustStorePassword().toCharArray());
        }
        assertEquals(1, check.size());
        Properties ssl = new Properties();
        ssl.setProperty("com.ibm.ssl.trustStore", certificates.trustStore().toString());
        ssl.setProperty("com.ibm.ssl.trustStorePassword", certificates.trustStorePassword());
        ssl.setProperty("com.ibm.ssl.trustStoreType", "PKCS12");
        return ssl;
    }

    private static MqttConnectOptions login(String username, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        return options;
    }

    private static void assertRefused(String brokerUrl, MqttConnectOptions options) {
        MqttException refused = assertThrows(MqttException.class,
                () -> TestMqttClient.connect(brokerUrl, options).close());
        assertTrue(refused.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                || refused.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED,
                "unexpected reason code " + refused.getReasonCode());
    }
}
