package io.camelrrpc.examples.tencent;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelrrpc.examples.cloud.Signing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of Tencent's "Signature v3" documentation (CVM DescribeInstances, SecretKey
 * Gu5t9xGARNpq86cd98joQYCN3EXAMPLE, timestamp 1551113065): every intermediate value and the signature it publishes.
 */
class Tc3SignatureTest {

    private static final String PAYLOAD =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
    private static final String CANONICAL_REQUEST = """
            POST
            /

            content-type:application/json; charset=utf-8
            host:cvm.tencentcloudapi.com

            content-type;host
            35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064""";
    private static final String STRING_TO_SIGN = """
            TC3-HMAC-SHA256
            1551113065
            2019-02-25/cvm/tc3_request
            5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031""";

    @Test
    void canonicalRequest() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("host", "cvm.tencentcloudapi.com");

        String canonicalRequest = Tc3Signature.canonicalRequest("POST", "/", "", headers,
                PAYLOAD.getBytes(StandardCharsets.UTF_8));

        assertThat(canonicalRequest).isEqualTo(CANONICAL_REQUEST);
    }

    @Test
    void headerValuesAreTrimmedAndLowerCased() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", " Application/JSON; charset=UTF-8 ");
        headers.put("host", "CVM.tencentcloudapi.com");

        assertThat(Tc3Signature.canonicalRequest("POST", "/", "", headers, PAYLOAD.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(CANONICAL_REQUEST);
    }

    @Test
    void stringToSign() {
        assertThat(Tc3Signature.stringToSign(1551113065, Tc3Signature.credentialScope("2019-02-25", "cvm"),
                CANONICAL_REQUEST)).isEqualTo(STRING_TO_SIGN);
    }

    @Test
    void signature() {
        assertThat(Tc3Signature.signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm", STRING_TO_SIGN))
                .isEqualTo("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void signaturesAreComparedWhole() {
        String signature = "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";

        assertThat(Signing.sameSignature(signature, signature)).isTrue();
        assertThat(Signing.sameSignature(signature, signature.substring(0, 63) + "9")).isFalse();
        assertThat(Signing.sameSignature(signature, signature.substring(0, 63))).isFalse();
        assertThat(Signing.sameSignature(signature, "")).isFalse();
    }
}
