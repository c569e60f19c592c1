package io.camelrrpc.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.HdrHistogram.Histogram;

import static io.camelrrpc.bench.BenchMain.log;

/**
 * The ceiling: the fastest RRPC ping-pong this machine runs through the same broker, the C program
 * {@code rrpc-ceiling.c} (two libmosquitto clients with their network threads, TCP_NODELAY, QoS 0, topics
 * {@code $ceil/rxd/P/D/{processId}} and {@code $ceil/txd/...}), compiled by {@link CeilingBuild} and run as a
 * process per broker listener. It measures itself: a round of a cell ({@link ClosedLoop#run}) or a slice of a
 * 1-in-flight cell ({@link TakingTurns}) is one command to the process, which keeps the calls in flight, times them
 * with its own clock and answers with their latencies and its CPU time. So it takes turns with the JVM's systems as
 * any other system does, and every system's calls/s can be read as a ratio to it. Not a {@link #call} target.
 */
final class Ceiling implements CallTarget {

    static final String SYSTEM = "ceiling";
    /** The first topic level of its calls: as long as {@code $rrpc}, and its own (see {@link HiveMqFloor}). */
    static final String ROOT = "$ceil";
    private static final long START_SECONDS = 15;
    /** How much longer than a command's own bound (warm-up, window, drain) its answer may take. */
    private static final long ANSWER_MARGIN_MILLIS = 15_000;
    /** The longest extra warm-up of a round (as {@link ClosedLoop}'s): until every call in flight completed once. */
    private static final long MAX_EXTRA_WARMUP_MILLIS = 4000;

    /**
     * What one command measured.
     *
     * @param calls       calls completed in the window
     * @param windowNanos the window's length
     * @param lost        calls not completed by the end of the drain
     * @param errors      replies of the wrong size and failed publishes in the window
     * @param cpuNanos    the process's CPU time in the window
     * @param latencies   the latencies of the completed calls, in nanoseconds, in completion order
     */
    record Outcome(long calls, long windowNanos, long lost, long errors, long cpuNanos, long[] latencies) {
    }

    private final Process process;
    private final BufferedWriter commands;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    /** One per command written and not yet answered, in the order of the commands. */
    private final Queue<CompletableFuture<Outcome>> answers = new ConcurrentLinkedQueue<>();

    private Ceiling(Process process) {
        this.process = process;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readAnswers, "ceiling-reader-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the program for a run, as {@link #start(Path, String, Path)}, and notes what it runs on in the report's
     * meta ({@link CeilingTable#ABOUT}).
     */
    static Ceiling start(CeilingBuild build, String brokerUrl, Path caCertificate, Map<String, Object> meta)
            throws IOException {
        Ceiling ceiling = start(build.binary(), brokerUrl, caCertificate);
        meta.put(CeilingTable.ABOUT, ceiling.about());
        return ceiling;
    }

    /**
     * Starts the program and waits until both its clients are subscribed.
     *
     * @param caCertificate the CA (PEM) to trust on an {@code ssl://} broker URL, else null
     */
    static Ceiling start(Path binary, String brokerUrl, Path caCertificate) throws IOException {
        URI uri = URI.create(brokerUrl);
        List<String> command = new ArrayList<>(List.of(binary.toString(), uri.getHost(),
                Integer.toString(uri.getPort()), ROOT));
        if (uri.getScheme().equals("ssl")) {
            command.add(caCertificate.toString());
        }
        Ceiling ceiling = new Ceiling(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start());
        try {
            ceiling.ready.get(START_SECONDS, TimeUnit.SECONDS);
            return ceiling;
        } catch (ExecutionException | TimeoutException e) {
            ceiling.close();
            throw new IOException(binary.getFileName() + " did not connect to " + brokerUrl + " within "
                                  + START_SECONDS + " s (its error output is above): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            ceiling.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + binary.getFileName(), e);
        }
    }

    /** @return what the program runs on, e.g. {@code libmosquitto 2.0.11, gcc 12.2.0} */
    String about() {
        return ready.getNow("?");
    }

    /** One round of a cell, as {@link ClosedLoop#run} measures the JVM's systems; no broker CPU (-1). */
    ClosedLoop.Run run(int payloadBytes, int inFlight, long warmupMillis, long windowMillis, long drainMillis)
            throws InterruptedException {
        long bound = warmupMillis + MAX_EXTRA_WARMUP_MILLIS + windowMillis + drainMillis + ANSWER_MARGIN_MILLIS;
        try {
            Outcome outcome = command(payloadBytes, inFlight, warmupMillis, windowMillis, drainMillis)
                    .get(bound, TimeUnit.MILLISECONDS);
            Histogram latencies = new Histogram(3);
            for (long latency : outcome.latencies()) {
                latencies.recordValue(latency);
            }
            return new ClosedLoop.Run(latencies, outcome.calls(), outcome.windowNanos(), outcome.errors(),
                    outcome.lost(), outcome.cpuNanos(), -1);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the ceiling did not measure " + payloadBytes + " B x " + inFlight
                                            + " in flight: " + e.getMessage(), e);
        }
    }

    /**
     * A slice of back-to-back calls, one in flight, for {@link TakingTurns}: measured from before its first call.
     *
     * @param drainMillis how long to wait for the call in flight at the end before counting it as lost
     */
    CompletableFuture<Outcome> slice(int payloadBytes, long millis, long drainMillis) {
        return command(payloadBytes, 1, 0, millis, drainMillis);
    }

    private synchronized CompletableFuture<Outcome> command(int payloadBytes, int inFlight, long warmupMillis,
            long windowMillis, long drainMillis) {
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        answers.add(answer);
        try {
            commands.write("run " + payloadBytes + " " + inFlight + " " + warmupMillis + " " + windowMillis + " "
                           + drainMillis + "\n");
            commands.flush();
        } catch (IOException e) {
            answers.remove(answer);
            answer.completeExceptionally(e);
        }
        return answer;
    }

    /** The process's output: the ready line, then one answer line per command. */
    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ready ")) {
                    ready.complete(line.substring("ready ".length()));
                } else if (line.startsWith("result ")) {
                    answered().complete(parse(line));
                } else {
                    answered().completeExceptionally(new IllegalStateException("the ceiling answered: " + line));
                }
            }
        } catch (IOException | RuntimeException e) {
            log("ceiling: reading its output failed: %s", e);
        }
        IllegalStateException ended = new IllegalStateException("the ceiling process ended");
        ready.completeExceptionally(ended);
        for (CompletableFuture<Outcome> answer; (answer = answers.poll()) != null; ) {
            answer.completeExceptionally(ended);
        }
    }

    private CompletableFuture<Outcome> answered() {
        CompletableFuture<Outcome> answer = answers.poll();
        if (answer == null) {
            throw new IllegalStateException("the ceiling answered a command it was not given");
        }
        return answer;
    }

    /** Parses {@code result calls=N window_ns=N lost=N errors=N cpu_ns=N ... latencies_ns=L1,L2,...}. */
    static Outcome parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String field : line.substring("result ".length()).split(" ")) {
            int eq = field.indexOf('=');
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        String list = fields.get("latencies_ns");
        long[] latencies = list.isEmpty() ? new long[0]
                : Arrays.stream(list.split(",")).mapToLong(Long::parseLong).toArray();
        return new Outcome(Long.parseLong(fields.get("calls")), Long.parseLong(fields.get("window_ns")),
                Long.parseLong(fields.get("lost")), Long.parseLong(fields.get("errors")),
                Long.parseLong(fields.get("cpu_ns")), latencies);
    }

    /** Not supported: the ceiling times its own calls, see {@link #run} and {@link #slice}. */
    @Override
    public void call(byte[] payload, long seq, Done done) {
        throw new UnsupportedOperationException("the ceiling times its own calls in its process");
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                commands.write("quit\n");
                commands.close();
            }
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return;
            }
        } catch (IOException e) {
            // ended already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
