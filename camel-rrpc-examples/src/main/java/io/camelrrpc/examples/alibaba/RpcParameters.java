package io.camelrrpc.examples.alibaba;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import io.camelrrpc.examples.cloud.HttpRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.http.MediaType;

/**
 * The parameters of an Alibaba Cloud RPC request: those of the query string and, for a form POST, those of the
 * body, by name in ascending order.
 *
 * @param method     the HTTP method, GET or POST
 * @param parameters the decoded parameters
 */
record RpcParameters(String method, SortedMap<String, String> parameters) {

    private static final String PROPERTY = "AlibabaRpcParameters";

    /** Reads the parameters of the exchange's HTTP request; {@link #of(Exchange)} gives them afterwards. */
    static void read(Exchange exchange) {
        Message message = exchange.getMessage();
        HttpServletRequest request = HttpRequests.of(exchange);
        SortedMap<String, String> parameters = new TreeMap<>();
        addAll(parameters, request.getQueryString());
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            addAll(parameters, message.getBody(String.class));
        }
        exchange.setProperty(PROPERTY, new RpcParameters(request.getMethod(),
                Collections.unmodifiableSortedMap(parameters)));
    }

    /** The parameters read by {@link #read(Exchange)}. */
    static RpcParameters of(Exchange exchange) {
        return Objects.requireNonNull(exchange.getProperty(PROPERTY, RpcParameters.class), "parameters not read");
    }

    /** The parameter, or null. */
    String get(String name) {
        return parameters.get(name);
    }

    /**
     * The parameter.
     *
     * @throws AlibabaApiException MissingParameter when it is missing or empty
     */
    String require(String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.MISSING_PARAMETER,
                    "The input parameter \"" + name + "\" that is mandatory for processing this request is not"
                                                                                          + " supplied.");
        }
        return value;
    }

    private static void addAll(Map<String, String> parameters, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw invalid("The parameter " + name + " is given more than once");
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("Cannot URL-decode '" + text + "': " + e.getMessage());
        }
    }

    private static AlibabaApiException invalid(String message) {
        return AlibabaApiException.gateway(400, AlibabaErrorCodes.INVALID_PARAMETER, message);
    }
}
