package io.camelrrpc.examples.tencent;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.camelrrpc.examples.cloud.Signing;

/**
 * Tencent Cloud API 3.0 request signatures (TC3-HMAC-SHA256) as Tencent's "Signature v3" documentation defines
 * them: a canonical request over the method, path, query, the signed headers and the SHA-256 of the body; a string
 * to sign over the algorithm, the timestamp, the credential scope {@code {date}/{service}/tc3_request} and the
 * SHA-256 of the canonical request; and an HMAC-SHA256 of it keyed by "TC3" + SecretKey, HMAC-ed with the date,
 * the service and "tc3_request" in turn.
 */
final class Tc3Signature {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String TERMINATOR = "tc3_request";
    private static final String HMAC_SHA256 = "HmacSHA256";

    private Tc3Signature() {
    }

    /**
     * The canonical request. Header names are lower case, in the order of SignedHeaders; their values are trimmed
     * and lower-cased, as Tencent's documentation says.
     *
     * @param signedHeaders the signed headers by name, in signing order, with their values as received
     */
    static String canonicalRequest(String method, String path, String query, Map<String, String> signedHeaders,
            byte[] payload) {
        StringBuilder canonical = new StringBuilder()
                .append(method).append('\n')
                .append(path).append('\n')
                .append(query).append('\n');
        signedHeaders.forEach((name, value) -> canonical.append(name).append(':')
                .append(value.trim().toLowerCase(Locale.ROOT)).append('\n'));
        return canonical.append('\n')
                .append(String.join(";", signedHeaders.keySet())).append('\n')
                .append(Signing.sha256Hex(payload))
                .toString();
    }

    /** The credential scope {@code {date}/{service}/tc3_request}. */
    static String credentialScope(String date, String service) {
        return date + "/" + service + "/" + TERMINATOR;
    }

    /** The string to sign for a canonical request. */
    static String stringToSign(long timestamp, String credentialScope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope + "\n"
               + Signing.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case hex signature of the string to sign. */
    static String signature(String secretKey, String date, String service, String stringToSign) {
        byte[] secretDate = Signing.hmac(HMAC_SHA256, ("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = Signing.hmac(HMAC_SHA256, secretDate, service);
        byte[] secretSigning = Signing.hmac(HMAC_SHA256, secretService, TERMINATOR);
        return HexFormat.of().formatHex(Signing.hmac(HMAC_SHA256, secretSigning, stringToSign));
    }
}
