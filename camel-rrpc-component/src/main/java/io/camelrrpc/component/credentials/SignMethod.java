package io.camelrrpc.component.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC that signs a device's login. */
public enum SignMethod {

    HmacSha256("HmacSHA256", "hmacsha256"),
    HmacSha1("HmacSHA1", "hmacsha1"),
    /** Alibaba only. */
    HmacMd5("HmacMD5", "hmacmd5");

    private final String algorithm;
    private final String label;

    SignMethod(String algorithm, String label) {
        this.algorithm = algorithm;
        this.label = label;
    }

    /** The name the clouds use in logins, e.g. {@code hmacsha256}. */
    public String label() {
        return label;
    }

    /** Lowercase hex of the HMAC of the message's UTF-8 bytes. */
    String hexHmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // every Java runtime has these three algorithms; the message names neither key nor text
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
