package io.camelrrpc.examples.alibaba;

import io.camelrrpc.component.RrpcTimeoutException;
import io.camelrrpc.examples.http.DeviceCalls;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * An RRpc-compatible API, so code written for Alibaba IoT Platform's cloud API can call devices here: Alibaba
 * Cloud RPC requests at {@code /} ({@code GET} or {@code POST}, parameters in the query or a form body), e.g.
 * {@code POST /?Action=RRpc&ProductKey=..&DeviceName=..&RequestBase64Byte=..&Timeout=2000}. Signatures are checked
 * when a key is configured ({@link AlibabaApiAuthenticator}).
 */
@Component
public class AlibabaApiRoutes extends RouteBuilder {

    /** Where {@code GET /?Action=...} and {@code POST /} without an {@code X-TC-Action} header go. */
    public static final String ACTION_ENDPOINT = "direct:alibaba-action";
    /** The parameter that names an Alibaba Cloud RPC action. */
    public static final String ACTION_PARAMETER = "Action";

    private final RRpcAction rrpc;
    private final AlibabaApiAuthenticator authenticator;

    public AlibabaApiRoutes(RRpcAction rrpc, AlibabaApiAuthenticator authenticator) {
        this.rrpc = rrpc;
        this.authenticator = authenticator;
    }

    @Override
    public void configure() {
        onException(RrpcTimeoutException.class)
                .handled(true)
                .process(rrpc::replyTimeout);
        onException(Exception.class)
                .handled(true)
                .process(rrpc::replyError);

        from(ACTION_ENDPOINT).routeId("alibaba-action")
                .process(RpcParameters::read)
                .process(authenticator::check)
                .process(rrpc::readRequest)
                .to(DeviceCalls.RRPC_ENDPOINT)
                .process(rrpc::replySuccess);
    }
}
