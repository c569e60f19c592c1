package io.camelrrpc.examples.http;

import io.camelrrpc.component.RrpcConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Turns an exchange into an HTTP response that carries only what the API promises, not the request's headers. */
public final class HttpReplies {

    /** The response header with the call's processId, whenever the producer generated one. */
    public static final String PROCESS_ID_HEADER = "X-Rrpc-Process-Id";

    private HttpReplies() {
    }

    /** Replaces the message's headers and body by the response's: status, content type, processId and body. */
    public static void reply(Exchange exchange, int status, String contentType, Object body) {
        Message message = exchange.getMessage();
        String processId = message.getHeader(RrpcConstants.PROCESS_ID, String.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        if (processId != null) {
            message.setHeader(PROCESS_ID_HEADER, processId);
        }
        message.setBody(body);
    }
}
