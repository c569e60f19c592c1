package io.camelrrpc.component.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md, CHANGELOG.md and docs/*.md: short README, its two commands true, every relative link resolves, every test
 * class and README section they name exists.
 */
class RepositoryDocsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path README = ROOT.resolve("README.md");
    /** A test class in code style, e.g. `RrpcQuarkusTest` or `DeviceLoginIT`. */
    private static final Pattern TEST_CLASS = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))[`.#]");
    /** A method name in code style, e.g. `subscribe(Subscription)` or `isHealthy()`. */
    private static final Pattern CODE = Pattern.compile("`([a-z][A-Za-z0-9]*)[`(]");
    private static final Pattern README_SECTION = Pattern.compile("README's \"?([A-Z][A-Za-z ]*?)\"? section");
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

    @Test
    void everyTestClassTheDocsNameExists() throws IOException {
        Set<String> sources;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(path -> !path.toString().contains("/target/") && path.toString().endsWith(".java"))
                    .map(path -> path.getFileName().toString().replace(".java", "")).collect(Collectors.toSet());
        }
        List<String> missing = new ArrayList<>();
        for (Path page : currentPages()) {
            Matcher name = TEST_CLASS.matcher(Files.readString(page));
            while (name.find()) {
                if (!sources.contains(name.group(1))) {
                    missing.add(ROOT.relativize(page) + ": " + name.group(1));
                }
            }
        }
        assertThat(missing).as("test classes named in the docs that do not exist").isEmpty();
    }

    @Test
    void everyReadmeSectionTheDocsReferToExists() throws IOException {
        List<String> readmeHeadings = Files.readAllLines(README).stream().filter(line -> line.startsWith("## "))
                .map(line -> line.substring(3).strip()).toList();
        for (Path page : currentPages()) {
            Matcher section = README_SECTION.matcher(Files.readString(page));
            while (section.find()) {
                assertThat(readmeHeadings).as("README section named in " + ROOT.relativize(page))
                        .contains(section.group(1));
            }
        }
    }

    @Test
    void everyMqttTransportMethodDesignMdListsExists() throws IOException {
        String transport = Files.readString(ROOT.resolve(
                "camel-rrpc-component/src/main/java/io/camelrrpc/component/internal/mqtt/MqttTransport.java"));
        String design = Files.readString(ROOT.resolve("docs/design.md"));
        String table = design.substring(design.indexOf("| method | contract |"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<String> missing = new ArrayList<>();
        for (String row : table.lines().skip(2).toList()) {
            Matcher method = CODE.matcher(row.substring(0, row.indexOf(" | ")));
            while (method.find()) {
                if (!transport.contains(" " + method.group(1) + "(")) {
                    missing.add(method.group(1));
                }
            }
        }
        assertThat(missing).as("methods docs/design.md lists that MqttTransport does not have").isEmpty();
    }

    /** The pages that describe the code as it is: all but the CHANGELOG, which names what once was. */
    private static List<Path> currentPages() throws IOException {
        return pages().stream().filter(page -> !page.endsWith("CHANGELOG.md")).toList();
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
