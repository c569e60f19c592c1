package io.camelrrpc.examples.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.component.RrpcConstants;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.examples.ExampleProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/devices/{productId}/{deviceName}/rrpc}: sends the raw request body to the device and answers
 * its raw reply. The product id and device name are percent-decoded once (see {@link PathSegments});
 * {@code ?timeout=} overrides the request timeout (see {@link TimeoutParameter}). Failures answer JSON (see
 * {@link HttpErrorReply}).
 */
@Component
public class DeviceHttpRoutes extends RouteBuilder {

    private final DeviceCalls deviceCalls;
    private final TimeoutParameter timeoutParameter;
    private final ObjectMapper json;

    public DeviceHttpRoutes(DeviceCalls deviceCalls, ExampleProperties properties, ObjectMapper json) {
        this.deviceCalls = deviceCalls;
        this.timeoutParameter = new TimeoutParameter(properties.http().maxTimeout());
        this.json = json;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(this::replyError);

        rest("/api/devices")
                .post("/{productId}/{deviceName}/rrpc").routeId("rest-device-call")
                .to("direct:device-call");

        from("direct:device-call").routeId("http-device-call")
                .process(this::prepareCall)
                .to(DeviceCalls.RRPC_ENDPOINT)
                .process(exchange -> HttpReplies.reply(exchange, 200, "application/octet-stream",
                        exchange.getMessage().getBody(byte[].class)));
    }

    private void prepareCall(Exchange exchange) {
        Message message = exchange.getMessage();
        String timeout = message.getHeader("timeout", String.class);
        if (timeout != null) {
            message.setHeader(RrpcConstants.REQUEST_TIMEOUT, timeoutParameter.millis(timeout));
        }
        deviceCalls.prepare(exchange, pathParameter(message, "productId"), pathParameter(message, "deviceName"),
                message.getBody(byte[].class));
    }

    /** The path parameter as the client meant it: percent-decoded once, then checked as a topic level. */
    private static String pathParameter(Message message, String name) {
        return RrpcAddress.requireTopicLevel(name, PathSegments.decode(name, message.getHeader(name, String.class)));
    }

    private void replyError(Exchange exchange) throws Exception {
        HttpErrorReply error = HttpErrorReply.of(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        HttpReplies.reply(exchange, error.status(), "application/json", json.writeValueAsString(error.body()));
    }
}
