package io.camelrrpc.component.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/examples.md shows a new application's POM as src/it/newcomer-app has it (which the build runs): the same
 * artifacts at the versions this build is on.
 */
class StarterSnippetInDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "examples.md");
    private static final Path NEWCOMER_POM = Path.of("src", "it", "newcomer-app", "pom.xml");

    @Test
    void theDocsNameTheVersionsOfThisBuild() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);

        assertThat(versionOf(docs, "spring-boot-starter-parent")).isEqualTo(System.getProperty("spring-boot.version"));
        assertThat(versionOf(docs, "camel-spring-boot-bom")).isEqualTo(System.getProperty("camel.version"));
        assertThat(versionOf(docs, "camel-rrpc-spring-boot-starter")).isEqualTo(System.getProperty("project.version"));
    }

    @Test
    void theNewcomerAppDependsOnWhatTheDocsShow() throws IOException {
        String pom = Files.readString(NEWCOMER_POM, StandardCharsets.UTF_8);

        assertThat(versionOf(pom, "spring-boot-starter-parent")).isEqualTo("@spring-boot.version@");
        assertThat(versionOf(pom, "camel-spring-boot-bom")).isEqualTo("@camel.version@");
        assertThat(versionOf(pom, "camel-rrpc-spring-boot-starter")).isEqualTo("@project.version@");
        assertThat(pom).contains("<artifactId>spring-boot-starter-actuator</artifactId>");
    }

    private static String versionOf(String xml, String artifactId) {
        Matcher version = Pattern.compile("<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(xml);
        assertThat(version.find()).as("%s with a version", artifactId).isTrue();
        return version.group(1);
    }
}
