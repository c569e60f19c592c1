package io.camelrrpc.component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OSGi headers that bnd-maven-plugin writes in {@code process-classes} (before the tests run) to
 * {@code target/classes/META-INF/MANIFEST.MF}, the manifest the jar is packaged with (docs/osgi.md). The public API is
 * found by rule: every package of the compiled classes without an {@code internal} segment in its name.
 */
class OsgiManifestTest {

    private static final Path CLASSES = classesDirectory();
    private static final Attributes MANIFEST = manifest(CLASSES.resolve("META-INF/MANIFEST.MF"));

    @Test
    void namesTheBundleAndVersionsItAsTheMavenProject() {
        assertThat(header("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(header("Bundle-SymbolicName")).isEqualTo("io.camelrrpc.camel-rrpc-component");
        assertThat(release(header("Bundle-Version"))).isEqualTo(release(buildProperty("rrpc.project.version")));
        assertThat(Stream.of("Bundle-Name", "Bundle-Description", "Bundle-License", "Bundle-DocURL").map(MANIFEST::getValue))
                .doesNotContainNull();
    }

    @Test
    void exportsExactlyThePublicPackagesAtTheBundleVersion() throws IOException {
        Map<String, Map<String, String>> exports = clauses(header("Export-Package"));
        assertThat(exports.keySet()).as("Export-Package").containsExactlyInAnyOrderElementsOf(publicPackages());
        assertThat(exports).allSatisfy((pkg, parameters) -> assertThat(parameters.get("version")).as(pkg)
                .isEqualTo(release(header("Bundle-Version"))));
    }

    @Test
    void exportsNoInternalPackage() {
        assertThat(clauses(header("Export-Package")).keySet()).noneMatch(OsgiManifestTest::isInternal);
    }

    @Test
    void importsCamelFromTheVersionItIsBuiltWithUpToTheNextMajor() {
        String[] camel = buildProperty("rrpc.camel.version").split("\\.");
        String range = "[" + camel[0] + "." + camel[1] + "," + (Integer.parseInt(camel[0]) + 1) + ")";
        Map<String, Map<String, String>> camelImports = imports("org.apache.camel");
        // camel-karaf's activator registers the component of a bundle only if the bundle is wired to its
        // org.apache.camel (Component) and org.apache.camel.spi (GeneratedPropertyConfigurer)
        assertThat(camelImports).containsKeys("org.apache.camel", "org.apache.camel.spi");
        assertThat(camelImports).allSatisfy((pkg, parameters) -> assertThat(parameters.get("version")).as(pkg)
                .isEqualTo(range));
    }

    @Test
    void importsMicrometerOptionally() {
        assertThat(imports("io.micrometer")).isNotEmpty().allSatisfy((pkg, parameters) ->
                assertThat(parameters.get("resolution:")).as(pkg).isEqualTo("optional"));
    }

    @Test
    void importsEveryLibraryPackageWithAVersionRange() {
        assertThat(clauses(header("Import-Package"))).allSatisfy((pkg, parameters) -> {
            if (!pkg.startsWith("javax.")) {
                assertThat(parameters.get("version")).as(pkg).isNotNull();
            }
        });
    }

    @Test
    void importsNoPackageOfItsOwn() {
        assertThat(imports("io.camelrrpc")).as("the bundle uses its own classes, internal ones above all").isEmpty();
    }

    @Test
    void carriesTheFileCamelFindsTheComponentBy() throws IOException {
        Properties service = new Properties();
        try (InputStream in = Files.newInputStream(
                CLASSES.resolve("META-INF/services/org/apache/camel/component/rrpc"))) {
            service.load(in);
        }
        assertThat(service.getProperty("class")).isEqualTo(RrpcComponent.class.getName());
    }

    private static Set<String> publicPackages() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> CLASSES.relativize(file.getParent()).toString().replace(file.getFileSystem()
                            .getSeparator(), "."))
                    .filter(pkg -> !isInternal(pkg))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isInternal(String pkg) {
        return Arrays.asList(pkg.split("\\.")).contains("internal");
    }

    private static Map<String, Map<String, String>> imports(String prefix) {
        return clauses(header("Import-Package")).entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The part of an OSGi or Maven version before its qualifier: 0.2.0 of 0.2.0.202611291200 and 0.2.0-SNAPSHOT. */
    private static String release(String version) {
        return String.join(".", Arrays.asList(version.split("[.-]")).subList(0, 3));
    }

    /** Package name to its attributes and directives (a directive's name ends with ':', as in resolution:). */
    private static Map<String, Map<String, String>> clauses(String header) {
        Map<String, Map<String, String>> clauses = new TreeMap<>();
        for (String clause : splitOutsideQuotes(header, ',')) {
            List<String> parts = splitOutsideQuotes(clause, ';');
            Map<String, String> parameters = new HashMap<>();
            for (String parameter : parts.subList(1, parts.size())) {
                int equals = parameter.indexOf('=');
                parameters.put(parameter.substring(0, equals).trim(),
                        parameter.substring(equals + 1).trim().replace("\"", ""));
            }
            clauses.put(parts.get(0).trim(), parameters);
        }
        return clauses;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String header(String name) {
        String value = MANIFEST.getValue(name);
        assertThat(value).as("manifest header " + name).isNotNull();
        return value;
    }

    /** Set by the surefire configuration in this module's pom. */
    private static String buildProperty(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (run the test through Maven)").isNotNull();
        return value;
    }

    private static Path classesDirectory() {
        try {
            return Path.of(RrpcComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attributes manifest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Manifest(in).getMainAttributes();
        } catch (IOException e) {
            throw new IllegalStateException(file + " is missing: bnd-maven-plugin writes it in the process-classes phase,"
                                            + " run the test through Maven", e);
        }
    }
}
