package io.camelrrpc.component.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component page's option and header tables are those of the component's metadata (rrpc.json). When they
 * differ, regenerate them with {@value #REGENERATE}.
 */
class ComponentPageTest {

    static final String REGENERATE = "mvn -B -ntp -pl camel-rrpc-component -am verify -Dtest=ComponentPageTest"
                                     + " -Dsurefire.failIfNoSpecifiedTests=false -Drrpc.docs.regenerate=true";

    /** A table row: | *name* (group, e.g. producer (advanced)) [+ newline Constant: `X`] | description | default | type */
    private static final Pattern ROW = Pattern.compile("^\\| \\*([^*]+)\\* \\((?:[^()]|\\([^()]*\\))*\\)(?: \\+\\nConstant: `\\w+`)? \\| "
                                                       + "(?:[^|\\\\]|\\\\.)* \\| ((?:[^|\\\\]|\\\\.)*) \\| \\w+$",
            Pattern.MULTILINE);

    private final ComponentModel model = ComponentModel.load();

    @Test
    void generatedTablesMatchTheMetadata() {
        ComponentPage page = ComponentPage.read();
        Map<String, String> tables = GeneratedTables.of(model);
        if (Boolean.getBoolean("rrpc.docs.regenerate")) {
            page.withBlocks(tables).write();
            return;
        }
        tables.forEach((name, table) -> assertThat(page.block(name))
                .as("The '%s' of %s differ from the component's metadata (%s). Regenerate the tables with:%n  %s%n"
                    + "and commit the page.", name, page.path(), ComponentModel.RESOURCE, REGENERATE)
                .isEqualTo(table));
    }

    /** Checked on the page's text itself, so that it holds whatever the generator does. */
    @Test
    void everyOptionAndHeaderIsOnThePageWithItsDefaultAndNothingElse() {
        ComponentPage page = ComponentPage.read();
        assertThat(rows(page.block(GeneratedTables.COMPONENT_OPTIONS))).as("component options")
                .containsExactlyEntriesOf(defaults(model.componentOptions()));
        assertThat(rows(page.block(GeneratedTables.ENDPOINT_OPTIONS))).as("endpoint options")
                .containsExactlyEntriesOf(defaults(model.endpointOptions()));
        assertThat(rows(page.block(GeneratedTables.HEADERS))).as("headers")
                .containsExactlyEntriesOf(defaults(model.headers()));
    }

    @Test
    void everyOptionAndHeaderHasADescription() {
        for (List<ComponentModel.Entry> entries : List.of(model.componentOptions(), model.endpointOptions(), model.headers())) {
            assertThat(entries).allSatisfy(entry -> assertThat(entry.description()).as(entry.name()).isNotBlank());
        }
    }

    /** The page's header and the metadata tools read (e.g. Camel's catalog) name the same support level. */
    @Test
    void theSupportLevelIsThePageOne() {
        Matcher level = Pattern.compile("^:supportlevel: (\\w+)$", Pattern.MULTILINE)
                .matcher(ComponentPage.read().text());
        assertThat(level.find()).as(":supportlevel: on the component page").isTrue();
        assertThat(model.json().path("component").path("supportLevel").asText()).as("supportLevel in %s (set by the"
                + " component POM's supportLevel property)", ComponentModel.RESOURCE).isEqualTo(level.group(1));
    }

    @Test
    void credentialsAreMarkedSecretSoCamelMasksThem() {
        assertThat(model.endpointOptions())
                .filteredOn(option -> List.of("userName", "password", "deviceSecret").contains(option.name()))
                .hasSize(3)
                .allSatisfy(option -> assertThat(option.node().path("secret").asBoolean()).as(option.name()).isTrue());
    }

    private static Map<String, String> rows(String block) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher row = ROW.matcher(block);
        while (row.find()) {
            defaults.put(row.group(1), row.group(2).replace("\\|", "|"));
        }
        return defaults;
    }

    private static Map<String, String> defaults(List<ComponentModel.Entry> entries) {
        Map<String, String> defaults = new LinkedHashMap<>();
        entries.forEach(entry -> defaults.put(entry.name(), entry.defaultValue()));
        return defaults;
    }
}
