package io.camelrrpc.broker;

import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;

/**
 * A throw-away certificate authority and a server certificate for {@code 127.0.0.1} and
 * {@code localhost}, made with the {@code openssl} command (EC P-256, valid for 2 days) in a
 * temporary folder.
 * <p>
 * The PEM files suit mosquitto's {@code cafile}, {@code certfile} and {@code keyfile}; Java clients
 * trust the CA through {@link #trustStore()} (PKCS12) or {@link #trustManagerFactory()}.
 * {@link #close()} deletes the folder.
 */
public final class TlsCertificates implements AutoCloseable {

    private static final String TRUST_STORE_PASSWORD = "changeit";
    private static final String EC_P256 = "ec_paramgen_curve:prime256v1";

    private final Path dir;

    private TlsCertificates(Path dir) {
        this.dir = dir;
    }

    /** @return whether the {@code openssl} command that {@link #generate()} needs is installed */
    public static boolean isOpensslInstalled() {
        return Executables.find("openssl").isPresent();
    }

    /**
     * Generates the CA, the server key and certificate, and the trust store.
     *
     * @throws IllegalStateException if openssl is missing or fails
     */
    public static TlsCertificates generate() {
        String openssl = Executables.require("openssl", "openssl").toString();
        TlsCertificates certs = new TlsCertificates(TempDirectories.create("camel-rrpc-tls-"));
        try {
            certs.runOpenssl(openssl);
            certs.writeTrustStore();
            return certs;
        } catch (RuntimeException e) {
            certs.close();
            throw e;
        }
    }

    /** @return the CA certificate (PEM) */
    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** @return the server certificate (PEM) signed by the CA, with SANs IP:127.0.0.1 and DNS:localhost */
    public Path serverCertificate() {
        return dir.resolve("server.crt");
    }

    /** @return the server's unencrypted private key (PEM) */
    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** @return a PKCS12 trust store holding the CA certificate */
    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /** @return the password of {@link #trustStore()} */
    public String trustStorePassword() {
        return TRUST_STORE_PASSWORD;
    }

    /** @return trust managers that trust only the CA, e.g. for an MQTT client's TLS settings */
    public TrustManagerFactory trustManagerFactory() {
        try {
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(loadTrustStore());
            return trustManagers;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the trust store " + trustStore(), e);
        }
    }

    /** Deletes the generated files. */
    @Override
    public void close() {
        TempDirectories.delete(dir);
    }

    private void runOpenssl(String openssl) {
        Executables.run(dir, List.of(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", EC_P256, "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=camel-rrpc test CA",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        Executables.run(dir, List.of(openssl, "req", "-new", "-newkey", "ec", "-pkeyopt", EC_P256, "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"));
        writeString("server.ext", """
                basicConstraints=CA:FALSE
                keyUsage=critical,digitalSignature
                extendedKeyUsage=serverAuth
                subjectAltName=IP:127.0.0.1,DNS:localhost
                """);
        Executables.run(dir, List.of(openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt",
                "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", "server.ext",
                "-out", "server.crt"));
    }

    private void writeTrustStore() {
        try (InputStream pem = Files.newInputStream(caCertificate());
             OutputStream out = Files.newOutputStream(trustStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("camel-rrpc-test-ca",
                    CertificateFactory.getInstance("X.509").generateCertificate(pem));
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + trustStore(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write " + trustStore(), e);
        }
    }

    private KeyStore loadTrustStore() {
        try (InputStream in = Files.newInputStream(trustStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TRUST_STORE_PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + trustStore(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + trustStore(), e);
        }
    }

    private void writeString(String fileName, String content) {
        try {
            Files.writeString(dir.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + fileName, e);
        }
    }
}
