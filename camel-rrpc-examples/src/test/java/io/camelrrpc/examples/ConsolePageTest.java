package io.camelrrpc.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.examples.http.HttpReplies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The console page at / and its JSON at /api/console; a real headless browser calls a device from the page. */
class ConsolePageTest extends ExampleApplicationTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void theRootServesThePage() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<title>camel-rrpc console</title>", "console.js");
    }

    @Test
    void theJsonHasTheSimulatedDevicesTheLastCallsAndTheLastMinute() throws Exception {
        ResponseEntity<String> call = post("/api/devices/KL4J2ABCD8/airConditioner1/rrpc", MediaType.TEXT_PLAIN, "closed");

        JsonNode view = json.readTree(http.getForObject("/api/console", String.class));

        assertThat(view.path("devices").findValuesAsText("device")).contains("KL4J2ABCD8/airConditioner1",
                "KL4J2ABCD8/airConditioner2");
        JsonNode last = view.path("calls").get(0);
        assertThat(last.path("device").asText()).isEqualTo("KL4J2ABCD8/airConditioner1");
        assertThat(last.path("processId").asText()).isEqualTo(call.getHeaders().getFirst(HttpReplies.PROCESS_ID_HEADER));
        assertThat(last.path("outcome").asText()).isEqualTo("ok");
        assertThat(last.path("millis").asDouble()).isPositive();
        assertThat(view.path("history")).hasSize(60);
    }

    @Test
    void aBrowserCallsAirConditioner1FromThePageAndSeesOk() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
        Path profile = Files.createTempDirectory("chromium-profile");

        String dom = run(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom",
                "http://127.0.0.1:" + port + "/#call=KL4J2ABCD8/airConditioner1&payload=closed&timeout=2000"));

        assertThat(dom).contains("<span id=\"outcome\" class=\"ok\">ok</span>", "<output id=\"reply\">ok</output>")
                .containsPattern("<code id=\"process-id\">[0-9A-Za-z]{16}</code>")
                .containsPattern("<td>KL4J2ABCD8/airConditioner1</td><td>[0-9A-Za-z]{16}</td><td class=\"outcome-ok\">ok</td>");
    }

    /** Runs the command and answers what it printed, failing the test if it fails or hangs. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium", ".html");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium ends").isTrue();
            assertThat(process.exitValue()).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
