package io.camelrrpc.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "by hand" signing recipes of docs/examples.md (bash, openssl, curl, jq) run as written, with the demo keys the
 * docs configure, against the application on its test port.
 */
@TestPropertySource(properties = {
    "rrpc.tencent-api.secret-id=AKIDdemo", "rrpc.tencent-api.secret-key=demoSecretKey",
    "rrpc.alibaba-api.access-key-id=LTAIdemo", "rrpc.alibaba-api.access-key-secret=demoSecret" })
class SigningRecipesInDocsTest extends ExampleApplicationTestSupport {

    private static final Path DOC = Path.of("../docs/examples.md");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SECRET_ID=AKIDdemo         | \"PayloadBase64\":\"b2s=\"",
        "ACCESS_KEY_ID=LTAIdemo     | \"RrpcCode\":\"SUCCESS\"" })
    void theRecipeCallsTheDevice(String firstLine, String expected) throws Exception {
        String recipe = recipe(firstLine).replace("localhost:8080", "localhost:" + port);

        assertThat(bash(recipe)).contains(expected);
    }

    @Test
    void theTencentRecipeSignsTheReadablePathWhenSentThere() throws Exception {
        String recipe = recipe("SECRET_ID=AKIDdemo").replace("localhost:8080", "localhost:" + port);
        String toReadablePath = recipe.replace("'POST\\n/\\n", "'POST\\n/api/tencent/PublishRRPCMessage\\n")
                .replace("\"http://$HOST/\"", "\"http://$HOST/api/tencent/PublishRRPCMessage\"");
        assertThat(toReadablePath).as("the recipe with the readable path").isNotEqualTo(recipe);

        assertThat(bash(toReadablePath)).contains("\"PayloadBase64\":\"b2s=\"");
    }

    /** The shell block of the doc that starts with this line. */
    private static String recipe(String firstLine) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(firstLine)) {
                start = i;
            }
        }
        assertThat(start).as("a recipe starting with " + firstLine).isNotNegative();
        assertThat(lines.get(start - 1)).isEqualTo("```shell");
        int end = lines.subList(start, lines.size()).indexOf("```") + start;
        return String.join("\n", lines.subList(start, end)) + "\n";
    }

    private static String bash(String script) throws Exception {
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("the recipe finished").isTrue();
        assertThat(bash.exitValue()).as("exit code of the recipe; output: %s", output).isZero();
        return output;
    }
}
