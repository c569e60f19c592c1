package io.camelrrpc.component.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The component's metadata: the rrpc.json that camel-component-maven-plugin writes from the annotations of
 * RrpcComponent, RrpcEndpoint, RrpcConfiguration and RrpcConstants (on the class path from the build).
 */
record ComponentModel(JsonNode json) {

    static final String RESOURCE = "/META-INF/io/camelrrpc/component/rrpc.json";

    static ComponentModel load() {
        try (InputStream in = ComponentModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: build the component first");
            }
            return new ComponentModel(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String title() {
        return json.get("component").get("title").asText();
    }

    String syntax() {
        return json.get("component").get("syntax").asText();
    }

    /** Options of the component (camel.component.rrpc.*), in the model's order. */
    List<Entry> componentOptions() {
        return entries("componentProperties");
    }

    /** Path and query parameters of an endpoint URI, in the model's order. */
    List<Entry> endpointOptions() {
        return entries("properties");
    }

    List<Entry> headers() {
        return entries("headers");
    }

    private List<Entry> entries(String section) {
        List<Entry> entries = new ArrayList<>();
        json.get(section).fields().forEachRemaining(field -> entries.add(new Entry(field.getKey(), field.getValue())));
        return entries;
    }

    /** One option or header of the model. */
    record Entry(String name, JsonNode node) {

        boolean isPathParameter() {
            return "path".equals(node.path("kind").asText());
        }

        String group() {
            return node.path("group").asText();
        }

        String description() {
            return node.path("description").asText();
        }

        /** The default as the model writes it, empty when there is none. */
        String defaultValue() {
            JsonNode value = node.get("defaultValue");
            return value == null || value.isNull() ? "" : value.asText();
        }

        List<String> enumValues() {
            List<String> values = new ArrayList<>();
            node.path("enum").forEach(value -> values.add(value.asText()));
            return values;
        }

        /** The Java type without package or generics, e.g. String, boolean, Duration. */
        String simpleType() {
            String type = node.path("javaType").asText().replaceAll("<.*>", "");
            return type.substring(type.lastIndexOf('.') + 1);
        }

        /** The constant of a header, e.g. PRODUCT_ID. */
        String constantName() {
            String constant = node.path("constantName").asText();
            return constant.substring(constant.indexOf('#') + 1);
        }
    }
}
