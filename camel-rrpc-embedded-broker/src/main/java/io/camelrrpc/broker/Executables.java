package io.camelrrpc.broker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds, runs and kills the command-line tools the brokers need (mosquitto, openssl, rabbitmq-server, epmd). */
final class Executables {

    private static final long RUN_TIMEOUT_SECONDS = 30;

    private Executables() {
    }

    /**
     * Looks for an executable on the PATH and in the sbin folders, which a non-root PATH on Debian
     * lacks although {@code mosquitto} lives in {@code /usr/sbin}.
     */
    static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
        return dirs.stream()
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** @return the executable's path, or an exception naming the Debian package to install */
    static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                name + " not found on the PATH nor in /usr/sbin: apt-get install " + debianPackage));
    }

    /**
     * Runs a command in a folder and waits for it.
     *
     * @throws IllegalStateException with the command's output if it fails or takes over 30 s
     */
    static void run(Path workDir, List<String> command) {
        run(workDir, command, Map.of());
    }

    /**
     * Runs a command in a folder with these environment variables added and waits for it.
     *
     * @return what it printed (stdout and stderr)
     * @throws IllegalStateException with the command's output if it fails or takes over 30 s
     */
    static String run(Path workDir, List<String> command, Map<String, String> environment) {
        Path output = workDir.resolve(".command-output");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException("Command " + command
                        + (finished ? " exited with " + process.exitValue() : " timed out") + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** Kills a process and its children ({@code SIGKILL}) and waits until it is gone; {@code null} is none. */
    static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
