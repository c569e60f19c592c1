package io.camelrrpc.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README and the component page list every option and header the generated component model has. */
class DocumentationTest {

    private static final List<String> CAMEL_STANDARD = List.of(
            "bridgeErrorHandler", "exceptionHandler", "exchangePattern", "lazyStartProducer", "autowiredEnabled",
            "configuration", "productId", "deviceName");

    @Test
    void readmeAndComponentPageDocumentEveryOptionAndHeader() throws IOException {
        JsonNode model = componentModel();
        List<String> names = new ArrayList<>();
        model.get("properties").fieldNames().forEachRemaining(names::add);
        names.removeAll(CAMEL_STANDARD);
        model.get("headers").fieldNames().forEachRemaining(names::add);
        for (Path doc : List.of(Path.of("../README.md"), Path.of("src/main/docs/rrpc-component.adoc"))) {
            String text = Files.readString(doc);
            assertThat(names).as("documented in %s", doc).allSatisfy(name -> assertThat(text).contains("`" + name + "`"));
        }
    }

    @Test
    void everyOptionHasADescription() throws IOException {
        JsonNode properties = componentModel().get("properties");
        properties.fieldNames().forEachRemaining(
                name -> assertThat(properties.get(name).path("description").asText()).as(name).isNotBlank());
    }

    @Test
    void credentialsAreMarkedSecretSoCamelMasksThem() throws IOException {
        JsonNode properties = componentModel().get("properties");
        assertThat(List.of("userName", "password", "deviceSecret"))
                .allSatisfy(name -> assertThat(properties.get(name).path("secret").asBoolean()).as(name).isTrue());
    }

    private static JsonNode componentModel() throws IOException {
        try (InputStream json = DocumentationTest.class.getResourceAsStream("/META-INF/io/camelrrpc/component/rrpc.json")) {
            return new ObjectMapper().readTree(json);
        }
    }
}
