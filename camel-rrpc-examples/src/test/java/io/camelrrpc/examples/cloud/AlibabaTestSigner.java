package io.camelrrpc.examples.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signs Alibaba Cloud RPC requests as Alibaba's "Request signature" documentation describes it, with openssl's
 * HMAC-SHA1: written apart from the application's code so that tests can check it.
 */
public final class AlibabaTestSigner {

    private AlibabaTestSigner() {
    }

    /** The Signature parameter for a request with these parameters. */
    public static String signature(String method, Map<String, String> parameters, String accessKeySecret) {
        String stringToSign = method + "&" + encode("/") + "&" + encode(query(parameters));
        return OpenSsl.hmacSha1Base64(accessKeySecret + "&", stringToSign);
    }

    /** The parameters sorted by name, RFC 3986 encoded, joined with '&'. */
    public static String query(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Every UTF-8 byte but A-Z a-z 0-9 - _ . ~ as %XX. */
    public static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
