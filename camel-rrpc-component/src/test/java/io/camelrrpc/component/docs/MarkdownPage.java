package io.camelrrpc.component.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Markdown file of the repository: its links and the anchors GitHub gives its headings. */
record MarkdownPage(Path path, List<String> prose) {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    static MarkdownPage read(Path path) {
        try {
            return new MarkdownPage(path, proseLines(Files.readAllLines(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines outside fenced code blocks, without inline code. */
    private static List<String> proseLines(List<String> lines) {
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.add(CODE_SPAN.matcher(line).replaceAll(""));
            }
        }
        return prose;
    }

    /** Link targets that are neither absolute URLs nor mail addresses. */
    List<String> relativeLinks() {
        List<String> links = new ArrayList<>();
        for (String line : prose) {
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    links.add(target);
                }
            }
        }
        return links;
    }

    /** The anchors of the headings as GitHub makes them: lower case, punctuation dropped, spaces as '-'. */
    Set<String> anchors() {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose) {
            if (line.matches("^#{1,6} .*")) {
                String slug = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }
}
