package io.camelrrpc.quarkus;

import java.util.Map;
import java.util.Optional;

import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.component.RrpcConstants;
import io.camelrrpc.component.RrpcPayloadTooLargeException;
import io.camelrrpc.component.RrpcTimeoutException;
import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.util.TimeUtils;

/**
 * The call behind {@code POST /api/devices/{productId}/{deviceName}/rrpc} ({@link DeviceHttpApi} hands each request
 * to {@value #ENDPOINT} with its path parameters and query as headers and its body as bytes): sends the bytes to the
 * device and answers its reply byte for byte ({@code application/octet-stream}). {@code ?timeout=} (300, 300ms, 2s;
 * at most 60 s) overrides {@code camel.component.rrpc.request-timeout}. Failures answer {@code text/plain}: 400 bad
 * name or timeout, 413 payload too large, 503 broker unavailable, 504 no reply in time, 500 anything else.
 */
public class DeviceHttpRoutes extends RouteBuilder {

    /** Where {@link DeviceHttpApi} sends the requests. */
    public static final String ENDPOINT = "direct:device-call";
    /** The response header with the call's processId, whenever the producer generated one. */
    public static final String PROCESS_ID_HEADER = "X-Rrpc-Process-Id";
    private static final long MAX_TIMEOUT_MILLIS = 60_000;

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(exchange -> {
                    Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    reply(exchange, statusOf(failure), "text/plain; charset=UTF-8", failure.getMessage());
                });

        from(ENDPOINT)
                .routeId("http-device-call")
                .process(DeviceHttpRoutes::prepareCall)
                .to("rrpc:by-header/by-header")
                .process(exchange -> reply(exchange, 200, "application/octet-stream",
                        exchange.getMessage().getBody(byte[].class)));
    }

    private static void prepareCall(Exchange exchange) {
        Message message = exchange.getMessage();
        String timeout = message.getHeader("timeout", String.class);
        message.setHeader(RrpcConstants.PRODUCT_ID, pathParameter(message, "productId"));
        message.setHeader(RrpcConstants.DEVICE_NAME, pathParameter(message, "deviceName"));
        message.setHeader(RrpcConstants.REQUEST_TIMEOUT, timeout == null ? null : timeoutMillis(timeout));
    }

    private static String pathParameter(Message message, String name) {
        return RrpcAddress.requireTopicLevel(name, message.getHeader(name, String.class));
    }

    private static long timeoutMillis(String timeout) {
        long millis;
        try {
            millis = TimeUtils.toMilliSeconds(timeout);
        } catch (RuntimeException e) {
            millis = -1;
        }
        if (millis <= 0 || millis > MAX_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException(
                    "timeout must be a positive duration of at most 60s (300, 300ms, 2s), got '" + timeout + "'");
        }
        return millis;
    }

    private static int statusOf(Exception failure) {
        if (failure instanceof RrpcTimeoutException) {
            return 504;
        } else if (failure instanceof RrpcPayloadTooLargeException) {
            return 413;
        } else if (failure instanceof RrpcCallException) {
            return 503;
        } else if (failure instanceof IllegalArgumentException) {
            return 400;
        }
        return 500;
    }

    /** A new message as the response, so that none of the request's headers goes back to the client. */
    private static void reply(Exchange exchange, int status, String contentType, Object body) {
        Message response = new DefaultMessage(exchange);
        response.setHeaders(Map.of(Exchange.HTTP_RESPONSE_CODE, status, Exchange.CONTENT_TYPE, contentType));
        Optional.ofNullable(exchange.getMessage().getHeader(RrpcConstants.PROCESS_ID, String.class))
                .ifPresent(processId -> response.setHeader(PROCESS_ID_HEADER, processId));
        response.setBody(body);
        exchange.setMessage(response);
    }
}
