package io.camelrrpc.component.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the starter in step with the component: every option in the component's catalog (rrpc.json) has a
 * {@code camel.component.rrpc.*} property with the component's description (which the starter may follow with a
 * sentence for Spring users, such as how to reference a bean) and the same default in the generated Spring Boot
 * metadata, and the starter has no property the component does not know.
 */
class RrpcComponentConfigurationMetadataTest {

    private static final Set<String> STARTER_OWN = Set.of("enabled", "customizer.enabled");

    private static JsonNode componentOptions;
    private static Map<String, JsonNode> springProperties;

    @BeforeAll
    static void load() throws IOException {
        componentOptions = read("META-INF/io/camelrrpc/component/rrpc.json").get("componentProperties");
        springProperties = new HashMap<>();
        for (JsonNode property : read("META-INF/spring-configuration-metadata.json").get("properties")) {
            String name = property.get("name").asText();
            springProperties.put(name.substring(RrpcComponentConfiguration.PREFIX.length() + 1), property);
        }
    }

    @Test
    void everyComponentOptionIsAPropertyWithDescriptionAndDefault() {
        for (Iterator<Map.Entry<String, JsonNode>> it = componentOptions.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode property = springProperties.get(StringHelper.camelCaseToDash(option.getKey()));
            assertThat(property).as("property for component option %s", option.getKey()).isNotNull();
            assertThat(words(property.path("description").asText())).as("description of %s in the starter's Javadoc"
                    + " (RrpcComponentConfiguration), which starts with the component's", option.getKey())
                    .startsWith(words(option.getValue().path("description").asText()).replaceAll("\\.$", ""));
            // Spring Boot writes enum defaults in lower case
            assertThat(defaultOf(property)).as("default of %s", option.getKey())
                    .isEqualToIgnoringCase(option.getValue().path("defaultValue").asText(null));
        }
    }

    @Test
    void everyPropertyIsAComponentOption() {
        springProperties.keySet().stream()
                .filter(name -> !STARTER_OWN.contains(name))
                .forEach(name -> assertThat(componentOptions.has(StringHelper.dashToCamelCase(name)))
                        .as("component option for camel.component.rrpc.%s", name).isTrue());
    }

    /** The text with its whitespace (line breaks of the Javadoc) as single spaces. */
    private static String words(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** The default as the catalog writes it: durations in milliseconds. */
    private static String defaultOf(JsonNode property) {
        JsonNode value = property.get("defaultValue");
        if (value == null) {
            return null;
        }
        if (Objects.equals(property.path("type").asText(), "java.time.Duration")) {
            return Long.toString(DurationStyle.detectAndParse(value.asText()).toMillis());
        }
        return value.asText();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = RrpcComponentConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
