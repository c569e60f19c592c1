package io.camelrrpc.component;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mosquitto command-line clients ({@code mosquitto_pub}, {@code mosquitto_sub}, {@code mosquitto_rr}) against one
 * broker: a device or an application that shares no code with the component. {@link #close()} kills every process
 * started here, with its children, and waits for them.
 */
final class MosquittoClients implements AutoCloseable {

    private static final long RUN_TIMEOUT_SECONDS = 10;
    private static final Pattern SAFE_LEVEL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SAFE_TOPIC = Pattern.compile("[A-Za-z0-9_/$+-]+");

    private final String host;
    private final int port;
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();

    /** A process running in the background, its stdout and stderr going to a file. */
    record Background(Process process, Path outputFile) {

        boolean isAlive() {
            return process.isAlive();
        }

        String output() {
            try {
                return Files.readString(outputFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    MosquittoClients(String host, int port) {
        this.host = host;
        this.port = port;
        try {
            this.dir = Files.createTempDirectory("camel-rrpc-mosquitto-clients-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether mosquitto_pub, mosquitto_sub, mosquitto_rr and bash are on the PATH. */
    static boolean areInstalled() {
        return Stream.of("mosquitto_pub", "mosquitto_sub", "mosquitto_rr", "bash").allMatch(MosquittoClients::onPath);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** Runs {@code mosquitto_pub} once and waits for it to succeed. */
    void publish(String topic, String message) {
        run("mosquitto_pub", "-h", host, "-p", String.valueOf(port), "-t", topic, "-m", message);
    }

    /** Runs {@code mosquitto_pub} once with these arguments (besides host and port) and waits for it to succeed. */
    void publishWith(String... arguments) {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", host, "-p", String.valueOf(port)));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    /**
     * Runs {@code mosquitto_rr}: it subscribes to the reply topic, then publishes the request, and prints the first
     * reply's payload.
     *
     * @return the printed reply, without the line end
     */
    String requestReply(String requestTopic, String replyTopic, String message) {
        return run("mosquitto_rr", "-h", host, "-p", String.valueOf(port), "-t", requestTopic, "-e", replyTopic,
                "-m", message, "-W", "5", "-N");
    }

    /**
     * Runs {@code mosquitto_rr} with MQTT 5: the request carries Response Topic {@code replyTopic} and Correlation
     * Data {@code correlationData}; it prints the first reply as {@code topic|correlation data|payload}.
     */
    String requestReplyMqtt5(String requestTopic, String replyTopic, String correlationData, String message) {
        return run("mosquitto_rr", "-V", "5", "-h", host, "-p", String.valueOf(port), "-t", requestTopic,
                "-e", replyTopic, "-D", "publish", "correlation-data", correlationData, "-m", message, "-W", "5",
                "-F", "%t|%D|%p");
    }

    /** Starts {@code mosquitto_sub} with these arguments (besides host and port). */
    Background subscribe(String name, String... arguments) {
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-h", host, "-p", String.valueOf(port)));
        command.addAll(List.of(arguments));
        return start(name, command);
    }

    /**
     * Starts a device made of {@code mosquitto_sub} piped into a shell loop that answers each request on
     * {@code $rrpc/rxd/<productId>/<deviceName>/<processId>} with {@code mosquitto_pub}: {@code ack:<payload>} to
     * {@code $rrpc/txd/<productId>/<deviceName>/<processId>}. Payloads must be single lines.
     */
    Background startAckingDevice(String productId, String deviceName) {
        assertThat(productId).matches(SAFE_LEVEL);
        assertThat(deviceName).matches(SAFE_LEVEL);
        String device = productId + "/" + deviceName;
        return startAckingDeviceOn("$rrpc/rxd/" + device + "/+", "$rrpc/txd/" + device + "/");
    }

    /**
     * Like {@link #startAckingDevice(String, String)} on other topics: it subscribes to {@code requestFilter}
     * (ending in {@code +}) and answers at QoS 0 on {@code replyPrefix} followed by the request topic's last level.
     */
    Background startAckingDeviceOn(String requestFilter, String replyPrefix) {
        assertThat(requestFilter).matches(SAFE_TOPIC).endsWith("/+");
        assertThat(replyPrefix).matches(SAFE_TOPIC).endsWith("/");
        String connection = "-h " + host + " -p " + port;
        String script = "mosquitto_sub " + connection + " -t '" + requestFilter + "' -F '%t %p'"
                        + " | while read -r topic payload; do"
                        + "   mosquitto_pub " + connection + " -q 0 -t '" + replyPrefix + "'\"${topic##*/}\""
                        + " -m \"ack:$payload\";"
                        + " done";
        return start("device-" + requestFilter.replaceAll("[^A-Za-z0-9]", "_"), List.of("bash", "-c", script));
    }

    /**
     * Starts an MQTT 5 responder made of {@code mosquitto_sub -V 5} piped into a shell loop: it answers each request on
     * {@code requestFilter} with {@code ack:<payload>}, published with {@code mosquitto_pub -V 5} to the request's
     * Response Topic with the request's Correlation Data, except that a request {@code forge:<x>} is answered with
     * correlation data {@code <x>}. Payloads and correlation data must be single words.
     */
    Background startMqtt5Responder(String requestFilter) {
        assertThat(requestFilter).matches(SAFE_TOPIC);
        String connection = "-V 5 -h " + host + " -p " + port;
        String script = "mosquitto_sub " + connection + " -t '" + requestFilter + "' -F '%R %D %p'"
                        + " | while read -r responseTopic correlation payload; do"
                        + "   case \"$payload\" in forge:*) correlation=\"${payload#forge:}\";; esac;"
                        + "   mosquitto_pub " + connection + " -t \"$responseTopic\""
                        + " -D publish correlation-data \"$correlation\" -m \"ack:$payload\";"
                        + " done";
        return start("mqtt5-responder", List.of("bash", "-c", script));
    }

    private Background start(String name, List<String> command) {
        Path output = dir.resolve(name + ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            processes.add(process);
            return new Background(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** Runs a command to its end and returns its output, failing the test if it fails or hangs. */
    private String run(String... command) {
        Background run = start("run", List.of(command));
        try {
            boolean finished = run.process().waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(finished).as("%s finished within %d s", String.join(" ", command), RUN_TIMEOUT_SECONDS).isTrue();
            String output = run.output();
            assertThat(run.process().exitValue()).as("exit code of %s; output: %s", String.join(" ", command), output)
                    .isZero();
            return output.strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            kill(run.process());
            processes.remove(run.process());
        }
    }

    /** Kills every process started here, children first, waits for them and deletes their output. */
    @Override
    public void close() {
        processes.forEach(MosquittoClients::kill);
        processes.clear();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Process " + process.pid() + " or a child did not end", e);
        }
    }
}
