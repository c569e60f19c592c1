package io.camelrrpc.examples;

import io.camelrrpc.examples.cloud.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The application with keys for both cloud APIs, so that they check signatures; one context for all. */
@TestPropertySource(properties = {
    "rrpc.tencent-api.secret-id=" + SignedCloudApiTestSupport.SECRET_ID,
    "rrpc.tencent-api.secret-key=" + SignedCloudApiTestSupport.SECRET_KEY,
    "rrpc.alibaba-api.access-key-id=" + SignedCloudApiTestSupport.ACCESS_KEY_ID,
    "rrpc.alibaba-api.access-key-secret=" + SignedCloudApiTestSupport.ACCESS_KEY_SECRET })
abstract class SignedCloudApiTestSupport extends ExampleApplicationTestSupport {

    static final String SECRET_ID = "AKIDcamelRrpcTestSecretId0123456789";
    static final String SECRET_KEY = "tc3-test-secret-key-0123456789abcdef";
    static final String ACCESS_KEY_ID = "LTAIcamelRrpcTestKeyId";
    static final String ACCESS_KEY_SECRET = "aliyun-test-secret-0123456789";

    @LocalServerPort
    int port;

    protected RawHttp raw;

    @BeforeEach
    void rawHttp() {
        raw = new RawHttp(port);
    }
}
