package io.camelrrpc.examples;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
@Import(RecordingDevices.class)
@ActiveProfiles("test")
abstract class ExampleApplicationTestSupport {

    @Autowired
    protected TestRestTemplate http;

    /** POSTs the body with the given content type. */
    protected ResponseEntity<String> post(String path, MediaType contentType, String body) {
        return post(path, contentType, new HttpHeaders(), body);
    }

    protected ResponseEntity<String> post(String path, MediaType contentType, HttpHeaders headers, String body) {
        headers.setContentType(contentType);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
