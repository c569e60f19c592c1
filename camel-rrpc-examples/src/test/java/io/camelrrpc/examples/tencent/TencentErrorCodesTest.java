package io.camelrrpc.examples.tencent;

import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.component.RrpcTimeoutException;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.examples.http.PayloadTooLargeException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TencentErrorCodesTest {

    private static final RrpcAddress ADDRESS = new RrpcAddress("P", "d", "0000000000000007");

    @Test
    void codes() {
        assertThat(TencentErrorCodes.of(new RrpcTimeoutException(ADDRESS, 4000, null)))
                .isEqualTo("FailedOperation.RRPCTimeout");
        assertThat(TencentErrorCodes.of(new RrpcCallException("not connected", ADDRESS,
                new DefaultExchange(new DefaultCamelContext()), null))).isEqualTo("ServiceUnavailable");
        assertThat(TencentErrorCodes.of(new PayloadTooLargeException(3000, 2048)))
                .isEqualTo("InvalidParameterValue.PayloadOverLimit");
        assertThat(TencentErrorCodes.of(new IllegalArgumentException("bad id"))).isEqualTo("InvalidParameterValue");
        assertThat(TencentErrorCodes.of(new TencentApiException("MissingParameter", "no ProductId")))
                .isEqualTo("MissingParameter");
        assertThat(TencentErrorCodes.of(new IllegalStateException("bug"))).isEqualTo("InternalError");
    }
}
