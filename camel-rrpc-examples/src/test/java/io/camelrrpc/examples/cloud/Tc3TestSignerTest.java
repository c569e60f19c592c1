package io.camelrrpc.examples.cloud;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' openssl signer reproduces the worked example of Tencent's "Signature v3" documentation. */
class Tc3TestSignerTest {

    @Test
    void signsTencentsExampleRequest() {
        String authorization = Tc3TestSigner.authorization("AKIDEXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                "cvm", 1551113065, "/",
                "content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n", "content-type;host",
                "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"],"
                + " \"Name\": \"instance-name\"}]}");

        assertThat(authorization).isEqualTo(
                "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host,"
                + " Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }
}
