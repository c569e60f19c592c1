package io.camelrrpc.examples.cloud;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' openssl signer reproduces the example of Alibaba's "Request signature" documentation. */
class AlibabaTestSignerTest {

    @Test
    void signsAlibabasExampleRequest() {
        assertThat(AlibabaTestSigner.signature("GET", AlibabaExample.PARAMETERS, "testsecret"))
                .isEqualTo(AlibabaExample.SIGNATURE);
    }
}
