package io.camelrrpc.examples.tencent;

import io.camelrrpc.examples.http.DeviceCalls;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * A PublishRRPCMessage-compatible API, so code written for Tencent's cloud API can call devices here: at
 * {@code POST /} with the header {@code X-TC-Action: PublishRRPCMessage} like Tencent's endpoint (see
 * {@link io.camelrrpc.examples.cloud.CloudApiRoutes}), and at {@code POST /api/tencent/PublishRRPCMessage}. Both
 * check signatures when a key is configured ({@link TencentApiAuthenticator}).
 */
@Component
public class TencentApiRoutes extends RouteBuilder {

    /** Where {@code POST /} sends requests with an {@code X-TC-Action} header. */
    public static final String ACTION_ENDPOINT = "direct:tencent-action";
    public static final String ACTION_HEADER = "X-TC-Action";
    static final String ACTION = "PublishRRPCMessage";

    private final PublishRrpcMessage publishRrpcMessage;
    private final TencentApiAuthenticator authenticator;

    public TencentApiRoutes(PublishRrpcMessage publishRrpcMessage, TencentApiAuthenticator authenticator) {
        this.publishRrpcMessage = publishRrpcMessage;
        this.authenticator = authenticator;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(publishRrpcMessage::replyError);

        rest("/api/tencent")
                .post("/" + ACTION).routeId("rest-tencent-publish-rrpc-message")
                .to("direct:tencent-publish-rrpc-message");

        from(ACTION_ENDPOINT).routeId("tencent-action")
                .choice()
                    .when(header(ACTION_HEADER).isEqualTo(ACTION))
                        .to("direct:tencent-publish-rrpc-message")
                    .otherwise()
                        .process(exchange -> {
                            throw new TencentApiException(TencentErrorCodes.INVALID_ACTION,
                                    "Action " + exchange.getMessage().getHeader(ACTION_HEADER, String.class)
                                                                            + " is not supported; only " + ACTION);
                        })
                .end();

        from("direct:tencent-publish-rrpc-message").routeId("tencent-publish-rrpc-message")
                .process(authenticator::check)
                .process(publishRrpcMessage::readRequest)
                .to(DeviceCalls.RRPC_ENDPOINT)
                .process(publishRrpcMessage::replySuccess);
    }
}
