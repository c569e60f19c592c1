package io.camelrrpc.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/examples.md shows the official SDKs' code exactly as {@link TencentSdkTest} and {@link AlibabaSdkTest} run it. */
class SdkSnippetsInDocsTest {

    private static final Path TESTS = Path.of("src/test/java/io/camelrrpc/examples");
    private static final Path DOC = Path.of("../docs/examples.md");

    @ParameterizedTest
    @CsvSource({ "TencentSdkTest.java, tencent-sdk", "AlibabaSdkTest.java, alibaba-sdk" })
    void theDocShowsTheTestedCode(String testFile, String tag) throws IOException {
        String snippet = snippet(Files.readAllLines(TESTS.resolve(testFile)), tag);

        assertThat(Files.readString(DOC)).contains("```java\n" + snippet + "```\n");
    }

    /** The lines between the tag's markers, less the indentation of the first. */
    static String snippet(List<String> lines, String tag) {
        int start = indexOf(lines, "// tag::" + tag + "[]") + 1;
        int end = indexOf(lines, "// end::" + tag + "[]");
        int indent = lines.get(start).length() - lines.get(start).stripLeading().length();
        StringBuilder snippet = new StringBuilder();
        for (String line : lines.subList(start, end)) {
            snippet.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
        }
        return snippet.toString();
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("No line " + marker);
    }
}
