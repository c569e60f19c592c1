package io.camelrrpc.component.internal.mqtt.hivemq;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Turns Camel's {@link SSLContextParameters} into the HiveMQ client's TLS settings. The client builds its own Netty
 * {@code SslContext} from key and trust manager factories, so the managers Camel makes are handed over in factories
 * that return them, together with the protocols and cipher suites Camel enables. The client checks the broker's host
 * name against its certificate.
 */
final class TlsConfigs {

    private TlsConfigs() {
    }

    /** The JVM's default trust store when {@code parameters} is {@code null}. */
    static MqttClientSslConfig from(SSLContextParameters parameters, CamelContext camelContext)
            throws GeneralSecurityException, IOException {
        MqttClientSslConfigBuilder builder = MqttClientSslConfig.builder();
        if (parameters == null) {
            return builder.build();
        }
        SSLEngine engine = parameters.createSSLContext(camelContext).createSSLEngine();
        builder.protocols(List.of(engine.getEnabledProtocols())).cipherSuites(List.of(engine.getEnabledCipherSuites()));
        if (parameters.getKeyManagers() != null) {
            builder.keyManagerFactory(keyManagers(parameters.getKeyManagers().createKeyManagers()));
        }
        if (parameters.getTrustManagers() != null) {
            builder.trustManagerFactory(trustManagers(parameters.getTrustManagers().createTrustManagers()));
        }
        return builder.build();
    }

    private static KeyManagerFactory keyManagers(KeyManager[] managers) {
        return new KeyManagerFactory(new KeyManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore, char[] password) {
                // the managers are made already
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
                // the managers are made already
            }

            @Override
            protected KeyManager[] engineGetKeyManagers() {
                return managers.clone();
            }
        }, null, "camel") {
        };
    }

    private static TrustManagerFactory trustManagers(TrustManager[] managers) {
        return new TrustManagerFactory(new TrustManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore) {
                // the managers are made already
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
                // the managers are made already
            }

            @Override
            protected TrustManager[] engineGetTrustManagers() {
                return managers.clone();
            }
        }, null, "camel") {
        };
    }
}
