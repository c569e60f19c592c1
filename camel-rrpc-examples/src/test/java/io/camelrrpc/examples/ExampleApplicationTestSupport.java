package io.camelrrpc.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random HTTP port with its embedded broker on a free port, plus the
 * {@link RecordingDevices}; one context for all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@Import(RecordingDevices.class)
@ActiveProfiles("test")
abstract class ExampleApplicationTestSupport {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    protected TestRestTemplate http;
    @LocalServerPort
    protected int port;

    /** POSTs the body with the given content type. */
    protected ResponseEntity<String> post(String path, MediaType contentType, String body) {
        return post(path, contentType, new HttpHeaders(), body);
    }

    protected ResponseEntity<String> post(String path, MediaType contentType, HttpHeaders headers, String body) {
        headers.setContentType(contentType);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    /**
     * POSTs the bytes to the path as it is written (percent escapes are sent, not encoded again), with this
     * Content-Type, or none when null.
     */
    protected HttpResponse<byte[]> postBytes(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
