package io.camelrrpc.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An Erlang port mapper ({@code epmd}) of our own on a loopback port, run in the foreground as our child so that it
 * can be stopped: Erlang VMs pointed at its port ({@code ERL_EPMD_PORT}) find it instead of starting a daemon that
 * would outlive the tests.
 */
final class ErlangPortMapper {

    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int PROBE_TIMEOUT_MILLIS = 100;

    private final int port;
    private final Path dir;
    private Process process;

    ErlangPortMapper(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    int port() {
        return port;
    }

    /** Starts it and waits until it accepts connections. */
    synchronized void start() {
        Path epmd = Executables.require("epmd", "erlang-base");
        try {
            process = new ProcessBuilder(List.of(epmd.toString(), "-port", String.valueOf(port),
                    "-address", RabbitMqCluster.HOST))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("epmd.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + epmd, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!FreePorts.accepts(RabbitMqCluster.HOST, port, PROBE_TIMEOUT_MILLIS)) {
            try {
                if (process.waitFor(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("epmd did not start on port " + port + " (see " + dir.resolve("epmd.log") + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for epmd", e);
            }
        }
    }

    synchronized void stop() {
        Executables.kill(process);
        process = null;
    }
}
