package io.camelrrpc.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What /actuator/health/rrpc and /actuator/health/camelHealth show while all is well, and that the docs' sample of
 * the first has the same details.
 */
class HealthDetailsTest extends ExampleApplicationTestSupport {

    private static final String RRPC_SAMPLE_START = "{\"status\":\"UP\",\"details\":{\"connections\":";

    @Autowired
    ObjectMapper json;

    @Test
    void camelHealthShowsEveryRrpcConnectionCheckWithItsDetailsWhileUp() throws Exception {
        JsonNode details = json.readTree(http.getForEntity("/actuator/health/camelHealth", String.class).getBody())
                .path("details");

        String checkId = "rrpc:" + connection().path("client.id").asText() + "@"
                         + connection().path("broker.url").asText();
        assertThat(details.path(checkId).asText()).as(details.toString()).isEqualTo("UP");
        assertThat(details.path(checkId + ".data").path("connected").asText()).isEqualTo("true");
        assertThat(details.path(checkId + ".data").has("undecodable.packets")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "examples.md", "monitoring.md" })
    void theDocsSampleOfTheRrpcIndicatorHasItsDetails(String page) throws Exception {
        JsonNode sample = json.readTree(sample(Path.of("../docs", page)));

        assertThat(names(sample.path("details").path("connections").get(0))).isEqualTo(names(connection()));
    }

    private JsonNode connection() throws IOException {
        return json.readTree(http.getForEntity("/actuator/health/rrpc", String.class).getBody())
                .path("details").path("connections").get(0);
    }

    private static String sample(Path page) throws IOException {
        List<String> samples = Files.readAllLines(page).stream().filter(line -> line.startsWith(RRPC_SAMPLE_START))
                .toList();
        assertThat(samples).as("samples of /actuator/health/rrpc in " + page).hasSize(1);
        return samples.get(0);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
