package io.camelrrpc.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.camelrrpc.bench.BenchMain.log;

/**
 * Compiles the {@link Ceiling}'s C program ({@code rrpc-ceiling.c}, a resource of this module) with gcc and
 * libmosquitto into a folder, e.g. target/, at the start of a run. Either the binary or, when gcc or the library is
 * missing or the compiler fails, a note that names what is missing: the ceiling is then skipped and the report
 * prints the note.
 *
 * @param binary  the compiled program, or null
 * @param missing what keeps it from being built (for the report), or null
 */
record CeilingBuild(Path binary, String missing) {

    static final String SOURCE = "rrpc-ceiling.c";
    private static final long COMPILE_SECONDS = 60;

    /**
     * Compiles the ceiling for a run that has ceiling cells; when it cannot, logs what is missing and notes it in the
     * report's meta ({@link CeilingTable#NOT_MEASURED}).
     */
    static CeilingBuild forRun(Path dir, Map<String, Object> meta) {
        CeilingBuild build = compile(dir);
        if (build.binary() == null) {
            log("WARNING: the ceiling is not measured: missing %s", build.missing());
            meta.put(CeilingTable.NOT_MEASURED, build.missing());
        }
        return build;
    }

    /** Compiles with the gcc on the PATH. */
    static CeilingBuild compile(Path dir) {
        return compile(dir, "gcc");
    }

    /** @param gcc the compiler's name, looked up on the PATH */
    static CeilingBuild compile(Path dir, String gcc) {
        Optional<Path> compiler = onPath(gcc);
        if (compiler.isEmpty()) {
            return new CeilingBuild(null, gcc + " (not on the PATH; Debian: apt-get install gcc libmosquitto-dev)");
        }
        try {
            Files.createDirectories(dir);
            Path source = dir.resolve(SOURCE);
            try (InputStream in = CeilingBuild.class.getResourceAsStream(SOURCE)) {
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Path binary = dir.resolve("rrpc-ceiling");
            Path output = dir.resolve("rrpc-ceiling.gcc.log");
            Process process = new ProcessBuilder(compiler.get().toString(), "-O2", "-Wall", "-o", binary.toString(),
                    source.toString(), "-lmosquitto", "-pthread")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(COMPILE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new CeilingBuild(null, gcc + " did not finish compiling " + SOURCE + " within "
                                              + COMPILE_SECONDS + " s");
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? new CeilingBuild(binary, null) : new CeilingBuild(null, missing(log));
        } catch (IOException e) {
            return new CeilingBuild(null, "compiling " + SOURCE + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CeilingBuild(null, "interrupted while compiling " + SOURCE);
        }
    }

    /** @return what a failed compilation says is missing */
    static String missing(String gccOutput) {
        if (gccOutput.contains("mosquitto.h")) {
            return "libmosquitto-dev (gcc finds no mosquitto.h; Debian: apt-get install libmosquitto-dev)";
        }
        if (gccOutput.contains("-lmosquitto")) {
            return "libmosquitto (the linker finds no -lmosquitto; Debian: apt-get install libmosquitto-dev)";
        }
        return "gcc failed on " + SOURCE + ": " + gccOutput.lines().findFirst().orElse("no output").trim();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : List.of(path.split(File.pathSeparator)).stream()
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
