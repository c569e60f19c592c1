package io.camelrrpc.examples.alibaba;

import java.util.TreeMap;

import io.camelrrpc.examples.cloud.AlibabaExample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RpcSignatureTest {

    @Test
    void stringToSignOfAlibabasExample() {
        assertThat(RpcSignature.stringToSign("GET", new TreeMap<>(AlibabaExample.PARAMETERS)))
                .isEqualTo(AlibabaExample.STRING_TO_SIGN);
    }

    @Test
    void signatureOfAlibabasExample() {
        assertThat(RpcSignature.signature("testsecret", AlibabaExample.STRING_TO_SIGN))
                .isEqualTo(AlibabaExample.SIGNATURE);
    }

    @Test
    void theSignatureParameterIsNotSigned() {
        TreeMap<String, String> parameters = new TreeMap<>(AlibabaExample.PARAMETERS);
        parameters.put("Signature", AlibabaExample.SIGNATURE);

        assertThat(RpcSignature.stringToSign("GET", parameters)).isEqualTo(AlibabaExample.STRING_TO_SIGN);
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertThat(RpcSignature.percentEncode("a b*c~d+e/f=g&h")).isEqualTo("a%20b%2Ac~d%2Be%2Ff%3Dg%26h");
        assertThat(RpcSignature.percentEncode("温度-_.")).isEqualTo("%E6%B8%A9%E5%BA%A6-_.");
    }
}
