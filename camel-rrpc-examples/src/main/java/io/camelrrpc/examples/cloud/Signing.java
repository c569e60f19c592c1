package io.camelrrpc.examples.cloud;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hashing and comparing both cloud signature schemes need. */
public final class Signing {

    private Signing() {
    }

    /** HMAC of the UTF-8 bytes of the message, e.g. with {@code HmacSHA256}. */
    public static byte[] hmac(String algorithm, byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    /** Lower-case hex of the SHA-256 of the bytes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Whether the given signature is the expected one, in time that does not depend on where they differ. */
    public static boolean sameSignature(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request time is at most {@code window} before or after now. */
    public static boolean withinWindow(Instant now, Instant requestTime, Duration window) {
        return Duration.between(requestTime, now).abs().compareTo(window) <= 0;
    }
}
