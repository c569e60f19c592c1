package io.camelrrpc.component.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The option and header tables of the component page, written from the component's metadata the way Camel's own
 * component pages had them: each between {@code // <name>: START} and {@code // <name>: END} comment lines.
 */
final class GeneratedTables {

    static final String COMPONENT_OPTIONS = "component options";
    static final String ENDPOINT_OPTIONS = "endpoint options";
    static final String HEADERS = "component headers";

    private static final String TABLE_START = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                              + "| Name | Description | Default | Type\n";
    private static final String TABLE_END = "|===\n";

    private GeneratedTables() {
    }

    /** The content of each generated block, by marker name. */
    static Map<String, String> of(ComponentModel model) {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put(COMPONENT_OPTIONS, componentOptions(model));
        blocks.put(ENDPOINT_OPTIONS, endpointOptions(model));
        blocks.put(HEADERS, headers(model));
        return blocks;
    }

    private static String componentOptions(ComponentModel model) {
        List<ComponentModel.Entry> options = model.componentOptions();
        return "The " + model.title() + " component supports " + options.size() + " options, which are listed below.\n\n"
               + optionTable(options);
    }

    private static String endpointOptions(ComponentModel model) {
        Map<Boolean, List<ComponentModel.Entry>> byKind = model.endpointOptions().stream()
                .collect(Collectors.partitioningBy(ComponentModel.Entry::isPathParameter));
        return "The " + model.title() + " endpoint is configured using URI syntax:\n\n----\n" + model.syntax()
               + "\n----\n\nwith the following path and query parameters:\n\n"
               + "=== Path Parameters (" + byKind.get(true).size() + " parameters)\n\n" + optionTable(byKind.get(true))
               + "\n=== Query Parameters (" + byKind.get(false).size() + " parameters)\n\n" + optionTable(byKind.get(false));
    }

    private static String headers(ComponentModel model) {
        List<ComponentModel.Entry> headers = model.headers();
        StringBuilder table = new StringBuilder("The " + model.title() + " component supports " + headers.size()
                                                + " message headers, which are listed below.\n\n" + TABLE_START);
        for (ComponentModel.Entry header : headers) {
            table.append(row("*" + header.name() + "* (" + header.group() + ") +\nConstant: `" + header.constantName() + "`",
                    header));
        }
        return table.append(TABLE_END).toString();
    }

    private static String optionTable(List<ComponentModel.Entry> options) {
        StringBuilder table = new StringBuilder(TABLE_START);
        for (ComponentModel.Entry option : options) {
            table.append(row("*" + option.name() + "* (" + option.group() + ")", option));
        }
        return table.append(TABLE_END).toString();
    }

    private static String row(String name, ComponentModel.Entry entry) {
        String description = entry.description();
        if (!entry.enumValues().isEmpty()) {
            description += " Enum values: " + String.join(", ", entry.enumValues()) + ".";
        }
        return "| " + name + " | " + cell(description) + " | " + cell(entry.defaultValue()) + " | " + entry.simpleType() + "\n";
    }

    /** Table cell text: a '|' would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
