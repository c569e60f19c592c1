package io.camelrrpc.examples.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are device payloads as they are, also when the client labels them as a form ({@code curl -d}
 * does): Camel's platform-http binding would otherwise parse them as {@code key=value} pairs and fail on anything
 * else. Such requests are shown to Camel as {@code application/octet-stream}.
 */
@Component
public class RawPayloadFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(isForm(request) ? new RawPayloadRequest(request) : request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
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
