package io.camelrrpc.component.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The component's reference page, rrpc-component.adoc, and its generated blocks. */
record ComponentPage(Path path, String text) {

    static final Path LOCATION = Path.of("src/main/docs/rrpc-component.adoc");

    static ComponentPage read() {
        try {
            return new ComponentPage(LOCATION, Files.readString(LOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What stands between {@code // name: START} and {@code // name: END}. */
    String block(String name) {
        Matcher matcher = blockPattern(name).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(path + " has no lines '// " + name + ": START' and '// " + name + ": END'");
        }
        return matcher.group(2);
    }

    /** The page with each named block replaced by the given content. */
    ComponentPage withBlocks(Map<String, String> blocks) {
        String updated = text;
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            block(block.getKey());
            updated = blockPattern(block.getKey()).matcher(updated)
                    .replaceFirst("$1" + Matcher.quoteReplacement(block.getValue()) + "$3");
        }
        return new ComponentPage(path, updated);
    }

    void write() {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pattern blockPattern(String name) {
        return Pattern.compile("(// " + Pattern.quote(name) + ": START\n)(.*?)(// " + Pattern.quote(name) + ": END\n)",
                Pattern.DOTALL);
    }
}
