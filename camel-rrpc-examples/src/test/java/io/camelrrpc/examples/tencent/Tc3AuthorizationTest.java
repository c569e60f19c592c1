package io.camelrrpc.examples.tencent;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Tc3AuthorizationTest {

    @Test
    void readsTencentsExampleHeader() {
        Tc3Authorization authorization = Tc3Authorization.parse("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25"
                                                                + "/cvm/tc3_request, SignedHeaders=content-type;host,"
                                                                + " Signature=72e494ea");

        assertThat(authorization).isEqualTo(new Tc3Authorization("AKIDEXAMPLE", "2019-02-25", "cvm",
                List.of("content-type", "host"), "72e494ea"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Basic dXNlcjpwYXNz",
        "TC3-HMAC-SHA256",
        "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host",
        "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm, SignedHeaders=content-type;host, Signature=ab",
        "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/aws4_request, SignedHeaders=content-type;host, Signature=ab",
        "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type, Signature=ab",
        "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=host;content-type, Signature=ab",
        "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=Content-Type;host, Signature=ab",
        "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;;host, Signature=ab",
        "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request SignedHeaders=content-type;host Signature=ab" })
    void refusesHeadersThatAreNotTc3(String header) {
        assertThatThrownBy(() -> Tc3Authorization.parse(header))
                .isInstanceOfSatisfying(TencentApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo("AuthFailure.InvalidAuthorization"));
    }
}
