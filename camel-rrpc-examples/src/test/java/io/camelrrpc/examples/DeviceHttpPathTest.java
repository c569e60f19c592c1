package io.camelrrpc.examples;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.examples.http.HttpReplies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The product id and device name in the path are percent-decoded exactly once, then checked. */
class DeviceHttpPathTest extends ExampleApplicationTestSupport {

    private static final byte[] PAYLOAD = "hello".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    RecordingDevices devices;
    @Autowired
    ObjectMapper json;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "REC       | dev%40x    | dev@x",
        "REC       | dev%2540x  | dev%40x",
        "REC       | d%C3%A9v   | dév",
        "REC       | a%20b      | a b",
        "REC       | plain      | plain",
        "%52E%43   | product    | product" })
    void escapesAreDecodedOnce(String productId, String deviceName, String calledDevice) throws Exception {
        HttpResponse<byte[]> response = postBytes(path(productId, deviceName), null, PAYLOAD);

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(devices.received(calledDevice)).isEqualTo(PAYLOAD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "REC       | a%2Bb   | deviceName | 'a+b' contains '+'",
        "REC       | a%23b   | deviceName | 'a#b' contains '#'",
        "P%2BQ     | dev     | productId  | 'P+Q' contains '+'",
        "P%23      | dev     | productId  | 'P#' contains '#'" })
    void aBadNameIsABadRequestThatSaysWhy(String productId, String deviceName, String what, String why)
            throws Exception {
        HttpResponse<byte[]> response = postBytes(path(productId, deviceName), null, PAYLOAD);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("error").asText()).isEqualTo("bad_request");
        assertThat(error.path("message").asText()).startsWith(what).contains(why);
        assertThat(response.headers().firstValue(HttpReplies.PROCESS_ID_HEADER)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "KL4J2ABCD8, ''", "'', airConditioner1" })
    void anEmptyNameMatchesNoRouteAndIsNotFound(String productId, String deviceName) throws Exception {
        HttpResponse<byte[]> response = postBytes(path(productId, deviceName), null, PAYLOAD);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue(HttpReplies.PROCESS_ID_HEADER)).isEmpty();
    }

    private static String path(String productId, String deviceName) {
        return "/api/devices/" + productId + "/" + deviceName + "/rrpc";
    }
}
