package io.camelrrpc.component.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md, CHANGELOG.md and docs/*.md: short README, its two commands true, every relative link resolves. */
class RepositoryDocsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path README = ROOT.resolve("README.md");
    /**
     * Linked pages that another branch adds (the transports benchmark); drop an entry once the file is on main. While
     * listed, a missing file is accepted, an existing one is checked as usual.
     */
    @Test
    void readmeIsShort() throws IOException {
        assertThat(Files.readAllLines(README)).as("lines of README.md").hasSizeLessThan(200);
    }

    @Test
    void readmeGivesTheCommandsOfAFreshMachineAndCiRunsItsTestCommand() throws IOException {
        List<String> readme = Files.readAllLines(README);
        assertThat(readme).contains("mvn -B -ntp -pl camel-rrpc-examples -am spring-boot:run");
        String ciTestCommand = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .filter(line -> line.startsWith("mvn ")).reduce((first, last) -> last).orElseThrow();
        assertThat(readme).as("README.md gives the test command .ci/run runs").contains(ciTestCommand);
    }

    @Test
    void everyRelativeLinkResolvesToAFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String link : MarkdownPage.read(page).relativeLinks()) {
                String problem = problem(page, link);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ": " + link + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void aMissingFileAndAMissingHeadingAreFound() {
        assertThat(problem(README, "docs/no-such-page.md")).isEqualTo("no such file");
        assertThat(problem(README, "docs/production.md#no-such-heading")).isEqualTo("no heading for #no-such-heading");
        assertThat(problem(README, "docs/production.md#security")).isNull();
        assertThat(problem(README, "#runs-on")).isNull();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README, ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Why the link does not resolve, or null when it does. */
    private static String problem(Path page, String link) {
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (hash < 0 || !target.toString().endsWith(".md")) {
            return null;
        }
        String anchor = link.substring(hash + 1);
        return MarkdownPage.read(target).anchors().contains(anchor) ? null : "no heading for #" + anchor;
    }
}
