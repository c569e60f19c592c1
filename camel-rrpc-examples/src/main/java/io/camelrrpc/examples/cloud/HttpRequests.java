package io.camelrrpc.examples.cloud;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;

/** The HTTP request behind an exchange of the platform-http consumer. */
public final class HttpRequests {

    private HttpRequests() {
    }

    /**
     * The servlet request, with the headers and query string exactly as the client sent them.
     *
     * @throws IllegalStateException when the exchange did not come in over HTTP
     */
    public static HttpServletRequest of(Exchange exchange) {
        HttpServletRequest request = exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_REQUEST,
                HttpServletRequest.class);
        if (request == null) {
            throw new IllegalStateException("The cloud APIs answer HTTP requests only: exchange "
                                            + exchange.getExchangeId() + " has no " + Exchange.HTTP_SERVLET_REQUEST);
        }
        return request;
    }
}
