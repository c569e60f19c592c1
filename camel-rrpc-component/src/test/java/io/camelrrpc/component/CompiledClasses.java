package io.camelrrpc.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The component's own classes, as compiled into its output directory (target/classes). */
final class CompiledClasses {

    private static final String SUFFIX = ".class";

    private CompiledClasses() {
    }

    /** The names of every class in the output directory, nested ones included. */
    static List<String> names() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(SUFFIX))
                    .map(file -> root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "."))
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a class without initialising it. */
    static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CompiledClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }

    private static Path root() {
        try {
            return Path.of(RrpcComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
