package io.camelrrpc.examples.http;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are device payloads as they are, also when the client labels them as a form ({@code curl -d}
 * does) or as multipart ({@code curl -F}). Otherwise the servlet container would parse them into parameters as soon
 * as anyone asks for one (Spring's HiddenHttpMethodFilter does, for every POST), Spring would parse multipart
 * bodies into parts, and Camel's platform-http binding would parse forms as {@code key=value} pairs: the device would
 * get nothing, or a request failing on anything else. So this filter runs first, claims the body as a stream before
 * anyone reads parameters (the container then parses only the query string), and shows the request to the rest as
 * {@code application/octet-stream}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RawPayloadFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isParsedByTheServer(request.getContentType())) {
            request.getInputStream();
            chain.doFilter(new RawPayloadRequest(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean isParsedByTheServer(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || type.startsWith("multipart/");
    }

    private static final class RawPayloadRequest extends HttpServletRequestWrapper {

        RawPayloadRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
