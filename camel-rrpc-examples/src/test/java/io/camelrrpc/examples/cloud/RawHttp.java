package io.camelrrpc.examples.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * HTTP/1.1 requests with exactly the headers and body given (no charset added to the content type, no upgrade
 * headers), as signed requests need. The client sends {@code Host: {hostName}:{port}}, by default
 * {@code localhost:{port}}.
 */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String hostName;
    private final int port;

    public RawHttp(int port) {
        this("localhost", port);
    }

    /** Requests to the host name, e.g. {@code 127.0.0.1}, and port. */
    public RawHttp(String hostName, int port) {
        this.hostName = hostName;
        this.port = port;
    }

    /** The Host header the requests carry. */
    public String host() {
        return hostName + ":" + port;
    }

    public HttpResponse<String> post(String pathAndQuery, Map<String, String> headers, String body) {
        return send(request(pathAndQuery, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery, Map.of()).GET());
    }

    private HttpRequest.Builder request(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host() + pathAndQuery));
        headers.forEach(request::header);
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
