package io.camelrrpc.examples.cloud;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Digests computed by the {@code openssl} command, so that tests sign requests independently of the code under
 * test.
 */
public final class OpenSsl {

    private OpenSsl() {
    }

    /** Lower-case hex SHA-256. */
    public static String sha256Hex(String data) {
        return hex(run(data, "dgst", "-sha256", "-r"));
    }

    /**
     * Lower-case hex HMAC-SHA256.
     *
     * @param key {@code key:<text>} or {@code hexkey:<hex>}, as {@code openssl dgst -macopt} takes them
     */
    public static String hmacSha256Hex(String key, String data) {
        return hex(run(data, "dgst", "-sha256", "-mac", "HMAC", "-macopt", key, "-r"));
    }

    /** Base64 of the HMAC-SHA1 keyed with the text. */
    public static String hmacSha1Base64(String key, String data) {
        return Base64.getEncoder().encodeToString(run(data, "dgst", "-sha1", "-mac", "HMAC", "-macopt",
                "key:" + key, "-binary"));
    }

    /** {@code -r} prints "{hex} *stdin". */
    private static String hex(byte[] output) {
        return new String(output, StandardCharsets.US_ASCII).split(" ")[0];
    }

    private static byte[] run(String stdin, String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("openssl failed: " + command);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
