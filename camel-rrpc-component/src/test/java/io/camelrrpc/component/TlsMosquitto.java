package io.camelrrpc.component;

import java.util.function.UnaryOperator;

import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.broker.TlsCertificates;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A mosquitto broker with a TLS listener, and the generated certificates it uses. */
record TlsMosquitto(TlsCertificates certificates, MosquittoBroker broker) implements AutoCloseable {

    /** Starts one; the test is skipped where mosquitto or openssl is missing (CI installs both). */
    static TlsMosquitto start(UnaryOperator<MosquittoBroker.Builder> options) {
        assumeTrue(MosquittoBroker.isInstalled() && TlsCertificates.isOpensslInstalled(),
                "mosquitto or openssl is not installed");
        TlsCertificates certificates = TlsCertificates.generate();
        return new TlsMosquitto(certificates, options.apply(MosquittoBroker.builder().tls(certificates)).start());
    }

    static void close(TlsMosquitto tls) {
        if (tls != null) {
            tls.close();
        }
    }

    @Override
    public void close() {
        broker.close();
        certificates.close();
    }
}
