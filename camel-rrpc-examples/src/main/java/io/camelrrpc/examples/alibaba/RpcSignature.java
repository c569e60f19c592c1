package io.camelrrpc.examples.alibaba;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

import io.camelrrpc.examples.cloud.Signing;

/**
 * Alibaba Cloud RPC request signatures (signature version 1.0, HMAC-SHA1) as Alibaba's "Request signature"
 * documentation defines them: the parameters but Signature, sorted by name and percent-encoded as RFC 3986 says,
 * form the canonicalized query string; the string to sign is {@code METHOD&%2F&percentEncode(query)}; the
 * signature is the Base64 of its HMAC-SHA1 keyed with the AccessKey secret followed by {@code &}.
 */
final class RpcSignature {

    static final String SIGNATURE = "Signature";

    private RpcSignature() {
    }

    /** The string to sign for the parameters (sorted by name); Signature is left out. */
    static String stringToSign(String method, SortedMap<String, String> parameters) {
        String canonicalized = parameters.entrySet().stream()
                .filter(parameter -> !SIGNATURE.equals(parameter.getKey()))
                .map(RpcSignature::encode)
                .collect(Collectors.joining("&"));
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalized);
    }

    /** The Base64 signature of the string to sign. */
    static String signature(String accessKeySecret, String stringToSign) {
        return Base64.getEncoder().encodeToString(Signing.hmac("HmacSHA1",
                (accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes: only A-Z a-z 0-9 - _ . ~ stay as they are. */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String encode(Map.Entry<String, String> parameter) {
        return percentEncode(parameter.getKey()) + "=" + percentEncode(parameter.getValue());
    }
}
