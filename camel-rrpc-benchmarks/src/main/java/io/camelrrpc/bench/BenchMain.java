package io.camelrrpc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import io.camelrrpc.broker.EmbeddedMqttBroker;

/**
 * Runs every benchmark in one JVM, on the same brokers and machine, and prints one table of ratios. See
 * the Benchmarks section of README.md. System properties: bench.quick (short smoke run), bench.filter (regex on cell ids such as
 * {@code rrpc/moquette/16B/256}, {@code gateway/...}, {@code heap}), bench.out (directory for bench-results.json and
 * .md), bench.publish + bench.results (also copy them to results/latest.*), bench.consumers (answering threads).
 */
public final class BenchMain {

    static final int[] IN_FLIGHT = { 1, 16, 256, 4096 };
    static final int[] PAYLOADS = { 16, 4096 };
    static final int GATEWAY_DEVICES = 10_000;

    private BenchMain() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            // brokers and clients leave non-daemon threads behind: always end the JVM
            System.exit(status);
        }
    }

    private static void run() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        String suite = System.getProperty("bench.suite", "all");
        switch (suite) {
            case "all" -> runAll(settings);
            case "transports" -> TransportSuite.run(settings);
            default -> throw new IllegalArgumentException("bench.suite must be all or transports, got '" + suite + "'");
        }
    }

    /** The knobs every suite shares, from the system properties (see the class comment). */
    record Settings(boolean quick, Pattern filter, Path out, int consumers, Cells.Timing timing, long globalWarmup,
            long requestTimeout, boolean publish, Path published) {

        static Settings fromSystemProperties() {
            boolean quick = Boolean.getBoolean("bench.quick");
            long warmup = Long.getLong("bench.warmupMillis", quick ? 200 : 300);
            long window = Long.getLong("bench.windowMillis", quick ? 500 : 1000);
            // each cell is measured in rounds, the systems taking turns (reversed order every other round), so that
            // drifts of a shared machine's load hit every system alike
            int rounds = Integer.getInteger("bench.rounds", quick ? 1 : 2);
            // calls a broker dropped are waited for this long after a window, then left to time out in the background
            long drain = quick ? 1000 : 3000;
            // long enough for the slowest cell (4,096 x 4 KB queue for seconds): a timeout close to the queueing
            // delay would fail every call of that cell
            long requestTimeout = 60_000;
            return new Settings(quick, Pattern.compile(System.getProperty("bench.filter", ".*")),
                    Path.of(System.getProperty("bench.out", "target")), Integer.getInteger("bench.consumers", 4),
                    new Cells.Timing(warmup, window, rounds, drain), quick ? 500 : 2000, requestTimeout,
                    Boolean.getBoolean("bench.publish"), Path.of(System.getProperty("bench.results", "results")));
        }

        /** The facts of the run every report starts with. */
        Map<String, Object> meta() {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("date", Instant.now().toString());
            meta.put("quick", quick);
            meta.put("filter", filter.pattern());
            meta.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
            meta.put("cores", Runtime.getRuntime().availableProcessors());
            meta.put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1048576);
            meta.put("warmupMillis", timing.warmupMillis());
            meta.put("windowMillis", timing.windowMillis());
            meta.put("rounds", timing.rounds());
            meta.put("qos", 0);
            meta.put("answeringThreads", consumers);
            meta.put("mosquitto", MosquittoProcess.available() ? MosquittoProcess.version() : "not installed");
            return meta;
        }

        /** Writes a report to bench.out, and a full run also to results/ when bench.publish is set. */
        void write(Writer report, String outName, String publishedName) throws IOException {
            Files.createDirectories(out);
            report.write(out.resolve(outName + ".json"), out.resolve(outName + ".md"));
            log("wrote %s and %s.md", out.resolve(outName + ".json"), outName);
            if (publish) {
                if (quick) {
                    log("not publishing a quick run to results/");
                } else {
                    Files.createDirectories(published);
                    report.write(published.resolve(publishedName + ".json"), published.resolve(publishedName + ".md"));
                    log("published to %s", published.resolve(publishedName + ".json"));
                }
            }
        }
    }

    /** A report that writes itself as JSON and markdown. */
    @FunctionalInterface
    interface Writer {
        void write(Path json, Path markdown) throws IOException;
    }

    private static void runAll(Settings settings) throws Exception {
        boolean quick = settings.quick();
        Pattern filter = settings.filter();
        int consumers = settings.consumers();
        long globalWarmup = settings.globalWarmup();
        int heapCalls = Integer.getInteger("bench.heapCalls", quick ? 10_000 : 100_000);
        long heapTimeout = quick ? 4000 : 8000;
        long requestTimeout = settings.requestTimeout();
        long drain = settings.timing().drainMillis();
        int rounds = settings.timing().rounds();
        long window = settings.timing().windowMillis();
        long warmup = settings.timing().warmupMillis();
        Cells.Timing timing = settings.timing();
        long started = System.nanoTime();

        Map<String, Object> meta = settings.meta();
        meta.put("jmsConfig", "camel-jms InOut " + JmsTarget.CALLER_URI + ", CachingConnectionFactory for sends, Artemis"
                              + " 2.44.0 embedded (no persistence, loopback TCP), answering from(jms:queue:bench.request"
                              + "?concurrentConsumers=" + consumers + JmsTarget.SERVER_OPTIONS + ")");
        log("camel-rrpc benchmarks: %s, %d cores, quick=%s, filter=%s", meta.get("java"), meta.get("cores"), quick,
                filter.pattern());

        List<ClosedLoop.Result> results = new ArrayList<>();
        Map<String, PairedSamples.Difference> addedP99 = new LinkedHashMap<>();
        List<AutoCloseable> resources = new ArrayList<>();
        HeapAndTimeouts.Result heap = null;
        try {
            // the systems under test, all up at once so that each cell runs side by side with its comparisons
            List<Sut> suts = new ArrayList<>();
            EmbeddedMqttBroker moquette = EmbeddedMqttBroker.builder().start();
            resources.add(moquette);
            List<Broker> brokers = new ArrayList<>();
            brokers.add(new Broker("moquette", moquette.getBrokerUrl(), null));
            if (MosquittoProcess.available()) {
                MosquittoProcess mosquitto = MosquittoProcess.start();
                resources.add(mosquitto);
                brokers.add(new Broker("mosquitto", mosquitto.brokerUrl(), mosquitto::cpuNanos));
            } else {
                log("WARNING: %s not found: Mosquitto cells skipped", MosquittoProcess.BINARY);
            }
            boolean ceilingCells = brokers.stream()
                    .anyMatch(b -> anyMatch(filter, Ceiling.SYSTEM + "/" + b.name + "/"));
            CeilingBuild ceiling = ceilingCells ? CeilingBuild.forRun(settings.out(), meta) : null;
            for (Broker broker : brokers) {
                if (ceiling != null && ceiling.binary() != null
                    && anyMatch(filter, Ceiling.SYSTEM + "/" + broker.name + "/")) {
                    Ceiling c = Ceiling.start(ceiling, broker.url, null, meta);
                    resources.add(c);
                    suts.add(new Sut(Ceiling.SYSTEM, broker, c));
                }
                // topics of their own for each system (see HiveMqFloor), the same length as rrpc's
                if (anyMatch(filter, "floor/" + broker.name + "/")) {
                    HiveMqFloor floor = new HiveMqFloor(broker.url, "$flor", null);
                    resources.add(floor);
                    suts.add(new Sut("floor", broker, floor));
                }
                if (anyMatch(filter, "handoff/" + broker.name + "/")) {
                    // the floor plus the two thread hand-offs rrpc must make (device route off the client's thread,
                    // caller completion off the client's thread), with as many threads: what the hand-offs alone cost
                    HiveMqFloor handoff = new HiveMqFloor(broker.url, "$hand", null, consumers, Math.max(2, Runtime
                            .getRuntime().availableProcessors()));
                    resources.add(handoff);
                    suts.add(new Sut("handoff", broker, handoff));
                }
                if (anyMatch(filter, "rrpc/" + broker.name + "/") || anyMatch(filter, "gateway/" + broker.name + "/")) {
                    resources.add(new RrpcTarget.DeviceSide(broker.url, consumers, 20_000, Map.of()));
                    broker.caller = new RrpcTarget.CallerSide(broker.url, requestTimeout, Map.of());
                    resources.add(broker.caller);
                }
                if (anyMatch(filter, "rrpc/" + broker.name + "/")) {
                    RrpcTarget rrpc = new RrpcTarget(broker.caller, "call", "P/D", null);
                    resources.add(rrpc);
                    suts.add(new Sut("rrpc", broker, rrpc));
                }
            }
            if (anyMatch(filter, "jms/artemis/")) {
                JmsTarget jms = new JmsTarget(consumers, requestTimeout);
                resources.add(jms);
                suts.add(new Sut("jms", new Broker("artemis", "embedded", null), jms));
            }

            log("global warm-up: %d ms per system at 256 in flight", globalWarmup);
            for (Sut sut : suts) {
                ClosedLoop.run(sut.target, 16, 256, globalWarmup, 1, drain, null);
            }

            for (int payload : PAYLOADS) {
                for (int inFlight : IN_FLIGHT) {
                    List<Sut> cell = new ArrayList<>();
                    for (Sut sut : suts) {
                        if (filter.matcher(sut.id(payload, inFlight)).matches()
                            && (!sut.system.equals("handoff") || payload == PAYLOADS[0])) {
                            cell.add(sut);
                        }
                    }
                    Cells.Measured measured = Cells.measure(cell.stream().map(Sut::target).toList(),
                            cell.stream().map(sut -> sut.broker.cpu).toList(), payload, inFlight, timing);
                    if (measured.paired() != null) {
                        addedP99.putAll(addedP99(cell, measured.paired(), payload));
                    }
                    for (int i = 0; i < cell.size(); i++) {
                        Sut sut = cell.get(i);
                        ClosedLoop.Result r = ClosedLoop.merge(sut.system, sut.broker.name, "", payload, inFlight,
                                measured.runs().get(i));
                        results.add(r);
                        log("%-32s %9.0f calls/s  p50 %7.3f  p99 %7.3f  p99.9 %7.3f ms  cpu %5.1f us/call%s",
                                sut.id(payload, inFlight), r.callsPerSecond(), r.p50Ms(), r.p99Ms(), r.p999Ms(),
                                r.jvmCpuUsPerCall(),
                                r.errors() + r.lost() > 0 ? "  errors " + r.errors() + " lost " + r.lost() : "");
                    }
                }
            }

            for (Broker broker : brokers) {
                if (!anyMatch(filter, "gateway/" + broker.name + "/")) {
                    continue;
                }
                String[] many = new String[GATEWAY_DEVICES];
                for (int i = 0; i < many.length; i++) {
                    many[i] = String.format("dev%05d", i);
                }
                try (RrpcTarget one = new RrpcTarget(broker.caller, "gatewayOne", "G/D", null);
                     RrpcTarget spread = new RrpcTarget(broker.caller, "gatewaySpread", "G/D", many)) {
                    ClosedLoop.run(one, 16, 256, globalWarmup / 2, 1, drain, null);
                    List<ClosedLoop.Run> oneRuns = new ArrayList<>();
                    List<ClosedLoop.Run> spreadRuns = new ArrayList<>();
                    for (int round = 0; round < 2 * rounds; round++) {
                        for (RrpcTarget t : round % 2 == 0 ? List.of(one, spread) : List.of(spread, one)) {
                            (t == one ? oneRuns : spreadRuns).add(ClosedLoop.run(t, 16, 256, warmup, window / 2,
                                    drain, broker.cpu));
                        }
                    }
                    for (String variant : List.of("1 device", GATEWAY_DEVICES + " devices")) {
                        ClosedLoop.Result r = ClosedLoop.merge("gateway", broker.name, variant, 16, 256,
                                variant.startsWith("1 ") ? oneRuns : spreadRuns);
                        results.add(r);
                        log("gateway/%s/%-16s %9.0f calls/s  p50 %7.3f  p99 %7.3f ms%s", broker.name, variant,
                                r.callsPerSecond(), r.p50Ms(), r.p99Ms(),
                                r.errors() + r.lost() > 0 ? "  errors " + r.errors() + " lost " + r.lost() : "");
                    }
                }
            }

            if (filter.matcher("heap").matches()) {
                Broker broker = brokers.get(brokers.size() - 1); // Mosquitto when there: the broker is not in this heap
                log("heap and timeouts: %d calls pending against a silent device on %s, timeout %d ms", heapCalls,
                        broker.name, heapTimeout);
                heap = HeapAndTimeouts.run(broker.name, broker.url, heapCalls, heapTimeout);
                log("heap: rrpc adds %.0f B per pending call (producer %.0f B incl. exchange; via route %.0f B; bare"
                    + " exchange %.0f B); timeout lateness p99 %.3f ms (producer), %.3f ms (route)",
                        heap.rrpcBytesPerCall(), heap.producer().bytesPerPendingCall(),
                        heap.route().bytesPerPendingCall(), heap.bareExchangeBytes(), heap.producer().latenessP99Ms(),
                        heap.route().latenessP99Ms());
            }
        } finally {
            closeAll(resources);
        }
        meta.put("runSeconds", Math.round((System.nanoTime() - started) / 1e9));
        meta.put("rrpcCallsCompletedOnIoThread", RrpcTarget.COMPLETED_ON_IO_THREAD.sum());
        log("rrpc calls completed on a Netty I/O thread (should be 0): %d", RrpcTarget.COMPLETED_ON_IO_THREAD.sum());
        Report report = new Report(meta, results, heap, addedP99);
        String table = report.consoleTable();
        System.out.println();
        System.out.println(table);
        settings.write(report::write, "bench-results", "latest");
    }

    /** Closes the resources in the reverse order of their opening, each even when another fails. */
    static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("close failed: " + e);
            }
        }
    }

    /** @return rrpc's p99 minus the floor's, per broker of the cell, keyed by {@link Report#key(String, int)} */
    private static Map<String, PairedSamples.Difference> addedP99(List<Sut> cell, PairedSamples samples,
            int payload) {
        Map<String, PairedSamples.Difference> out = new LinkedHashMap<>();
        for (int r = 0; r < cell.size(); r++) {
            for (int f = 0; f < cell.size(); f++) {
                Sut rrpc = cell.get(r);
                Sut floor = cell.get(f);
                if (rrpc.system.equals("rrpc") && floor.system.equals("floor") && rrpc.broker == floor.broker) {
                    PairedSamples.Difference d = samples.p99Difference(r, f);
                    out.put(Report.key(rrpc.broker.name, payload), d);
                    log("rrpc p99 - floor p99 on %s, %d B, 1 in flight: %+.3f ms, 95%% interval %+.3f..%+.3f ms"
                        + " (paired bootstrap over %d cycles)", rrpc.broker.name, payload, d.ms(), d.lowMs(),
                            d.highMs(), d.cycles());
                }
            }
        }
        return out;
    }

    private static boolean anyMatch(Pattern filter, String prefix) {
        for (int payload : PAYLOADS) {
            for (int inFlight : IN_FLIGHT) {
                if (filter.matcher(prefix + payload + "B/" + inFlight).matches()) {
                    return true;
                }
            }
        }
        return filter.matcher(prefix.substring(0, prefix.length() - 1)).matches();
    }

    private static final long T0 = System.nanoTime();

    static void log(String format, Object... args) {
        System.out.printf("[bench] %5.1fs " + format + "%n", prepend((System.nanoTime() - T0) / 1e9, args));
        System.out.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static final class Broker {
        final String name;
        final String url;
        final LongSupplier cpu;
        RrpcTarget.CallerSide caller;

        Broker(String name, String url, LongSupplier cpu) {
            this.name = name;
            this.url = url;
            this.cpu = cpu;
        }
    }

    private record Sut(String system, Broker broker, CallTarget target) {
        String id(int payload, int inFlight) {
            return system + "/" + broker.name + "/" + payload + "B/" + inFlight;
        }
    }
}
