package io.camelrrpc.quarkus;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import io.camelrrpc.component.RrpcComponent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The Quarkus application (JVM mode) end to end: HTTP API, rrpc producer, embedded Moquette on a free port, the
 * simulated air conditioners on the rrpc consumer, and the camel and rrpc health checks at /q/health.
 */
@QuarkusTest
class RrpcQuarkusTest {

    @Inject
    CamelContext context;
    @TestHTTPResource("/")
    URL root;

    @Test
    void callsTheSimulatedDeviceThroughTheHttpApi() {
        String reply = call("KL4J2ABCD8", "airConditioner1", "open".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(200)
                .contentType("application/octet-stream")
                .header(DeviceHttpRoutes.PROCESS_ID_HEADER, matchesPattern("[0-9A-Za-z]{16}"))
                .extract().asString();
        assertThat(reply).isEqualTo("ok");
        assertThat(replyText("KL4J2ABCD8", "airConditioner1", "state")).isEqualTo("on");
        assertThat(replyText("KL4J2ABCD8", "airConditioner2", "state")).isEqualTo("off");
    }

    /** The content types the Spring Boot example's DeviceHttpPayloadTest sends, from the same file. */
    static List<String> contentTypes() throws IOException {
        return Files.readAllLines(Path.of("../camel-rrpc-examples/src/test/resources/payload-content-types.txt"));
    }

    /** The same 256 bytes and content types as the Spring Boot example's DeviceHttpPayloadTest. */
    @ParameterizedTest
    @NullSource
    @MethodSource("contentTypes")
    void everyByteValueReachesTheDeviceAndComesBackWhateverTheContentType(String contentType) throws Exception {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }

        HttpResponse<byte[]> reply = postRaw("/api/devices/KL4J2ABCD8/" + DeviceSimulatorRoutes.ECHO_DEVICE + "/rrpc",
                contentType, allBytes);

        assertThat(reply.statusCode()).as(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(reply.body()).as("echo of a %s body", contentType).isEqualTo(allBytes);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    /** The README's {@code curl -d closed}: a form content type, and the device gets "closed" (bytes: see above). */
    @Test
    void aFormEncodedCommandReachesTheDeviceLikeCurlDashD() {
        assertThat(given().contentType("application/x-www-form-urlencoded").body("closed")
                .when().post("/api/devices/KL4J2ABCD8/airConditioner1/rrpc")
                .then().statusCode(200).extract().asString()).isEqualTo("ok");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        given().body(new byte[DeviceHttpApi.MAX_BODY_BYTES + 1])
                .when().post("/api/devices/KL4J2ABCD8/airConditioner1/rrpc")
                .then().statusCode(413);
    }

    @Test
    void aDeviceThatNeverAnswersIsA504NamingDeviceAndProcessId() {
        given().body("open".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/devices/NOBODY/nobody/rrpc?timeout=300")
                .then().statusCode(504)
                .body(matchesPattern("No reply from device NOBODY/nobody within 300 millis \\(processId [0-9A-Za-z]{16}\\)"));
    }

    @Test
    void badNamesAndTimeoutsAre400() {
        call("KL4J2ABCD8", "a+b", new byte[0]).then().statusCode(400);
        given().body(new byte[0]).when().post("/api/devices/KL4J2ABCD8/airConditioner1/rrpc?timeout=2h")
                .then().statusCode(400);
    }

    @Test
    void healthIsUpWithCamelAndTheRrpcConnectionsDetails() {
        when().get("/q/health")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("camel", "rrpc"))
                .body("checks.find { it.name == 'rrpc' }.data.values()",
                        hasItems(containsString("pending.calls=0"), containsString("subscriptions.restored=true")));
        when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItems("rrpc"));
        when().get("/q/health/live").then().statusCode(200).body("checks.name", hasItems("camel"));
    }

    /**
     * Camel Quarkus binds the components it finds at build time, in META-INF/services/org/apache/camel/component/ of
     * jars with a Jandex index, to its registry by name; nothing else in this application names the rrpc component.
     */
    @Test
    void rrpcComponentIsDiscoveredByNameFromItsJandexIndexedJar() throws IOException {
        RrpcComponent discovered = context.getRegistry().lookupByNameAndType("rrpc", RrpcComponent.class);
        assertThat(discovered).isNotNull().isSameAs(context.getComponent("rrpc"));
        assertThat(Collections.list(RrpcComponent.class.getClassLoader().getResources("META-INF/jandex.idx")))
                .map(URL::toString)
                .anyMatch(index -> index.contains("camel-rrpc-component"));
    }

    @Test
    void runsOnTheCamelVersionCamelQuarkusManages() {
        assertThat(context.getVersion()).isEqualTo(System.getProperty("camel.version"));
    }

    /** POSTs the bytes as they are (REST Assured would encode a form body itself). */
    private HttpResponse<byte[]> postRaw(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.toURI().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Response call(String productId, String deviceName, byte[] payload) {
        return given().contentType("application/octet-stream").body(payload)
                .when().post("/api/devices/{productId}/{deviceName}/rrpc", productId, deviceName);
    }

    private static String replyText(String productId, String deviceName, String command) {
        return call(productId, deviceName, command.getBytes(StandardCharsets.UTF_8))
                .then().statusCode(200).extract().asString();
    }
}
