package io.camelrrpc.examples.cloud;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs a POST like Tencent's "Signature v3" documentation describes it, hashing with openssl: written apart
 * from the application's code so that tests can check it.
 */
public final class Tc3TestSigner {

    /** Derived signing keys by secret key, date and service: three openssl runs fewer per request. */
    private static final Map<String, String> SIGNING_KEYS = new ConcurrentHashMap<>();

    private Tc3TestSigner() {
    }

    /**
     * The Authorization header.
     *
     * @param canonicalHeaders the signed headers as they go in the canonical request, e.g.
     *                         {@code "content-type:application/json\nhost:localhost:8080\n"}
     * @param signedHeaders    their names, e.g. {@code "content-type;host"}
     */
    public static String authorization(String secretId, String secretKey, String service, long timestamp,
            String path, String canonicalHeaders, String signedHeaders, String body) {
        String date = LocalDate.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC).toString();
        String canonicalRequest = "POST\n" + path + "\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                                  + OpenSsl.sha256Hex(body);
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
                              + OpenSsl.sha256Hex(canonicalRequest);
        String signature = OpenSsl.hmacSha256Hex("hexkey:" + signingKey(secretKey, date, service), stringToSign);
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=" + signedHeaders
               + ", Signature=" + signature;
    }

    private static String signingKey(String secretKey, String date, String service) {
        return SIGNING_KEYS.computeIfAbsent(secretKey + "/" + date + "/" + service, scope -> {
            String secretDate = OpenSsl.hmacSha256Hex("key:TC3" + secretKey, date);
            String secretService = OpenSsl.hmacSha256Hex("hexkey:" + secretDate, service);
            return OpenSsl.hmacSha256Hex("hexkey:" + secretService, "tc3_request");
        });
    }
}
