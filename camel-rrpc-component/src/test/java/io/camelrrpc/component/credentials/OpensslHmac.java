package io.camelrrpc.component.credentials;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.broker.TlsCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** HMACs computed by the {@code openssl} command, independently of the code under test. */
public final class OpensslHmac {

    private OpensslHmac() {
    }

    /** Skips the test where openssl is missing (CI installs it). */
    public static void assumeInstalled() {
        assumeTrue(TlsCertificates.isOpensslInstalled(), "openssl is not installed");
    }

    /**
     * @param digest  e.g. {@code sha256}
     * @param hexKey  the key's bytes in hex
     * @param message signed as UTF-8
     * @return        the HMAC in lowercase hex
     */
    public static String withHexKey(String digest, String hexKey, String message) {
        return run(List.of("openssl", "dgst", "-" + digest, "-mac", "HMAC", "-macopt", "hexkey:" + hexKey), message);
    }

    /** Like {@link #withHexKey} with the key's UTF-8 text as the key. */
    public static String withTextKey(String digest, String key, String message) {
        return run(List.of("openssl", "dgst", "-" + digest, "-hmac", key), message);
    }

    private static String run(List<String> command, String message) {
        try {
            Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = openssl.getOutputStream()) {
                in.write(message.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(openssl.waitFor(10, TimeUnit.SECONDS)).as("openssl finished").isTrue();
            assertThat(openssl.exitValue()).as("openssl exit code; output: %s", output).isZero();
            // e.g. "HMAC-SHA256(stdin)= 5f0c..." or "SHA2-256(stdin)= 5f0c..."
            return output.substring(output.lastIndexOf("= ") + 2);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
