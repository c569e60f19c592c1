package io.camelrrpc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.TrustManagerFactory;

import io.camelrrpc.bench.BenchMain.Settings;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.broker.TlsCertificates;
import io.camelrrpc.component.RrpcConfiguration;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import static io.camelrrpc.bench.BenchMain.log;

/**
 * The transport suite ({@code -Dbench.suite=transports}): rrpc with default options against the raw HiveMQ client it
 * runs on (its floor) and against that client on rrpc's threads ({@link TransportReport#HANDOFF}), on one Mosquitto
 * with a plain and a TLS listener, at 16 B and 4 KB and 1 and 256 calls in flight, all in one run, with the
 * {@link Ceiling} taking turns with them when gcc and libmosquitto are there. At 1 in flight two half-rrpc systems
 * split rrpc's cost between its sides: rrpc's caller with a raw device ({@link TransportReport#RRPC_CALLER}) and a raw
 * caller with rrpc's device side ({@link TransportReport#RRPC_DEVICE}), both on rrpc's threads. Cell ids:
 * {@code {system}/{tcp|tls}/{payload}B/{inFlight}}, e.g. {@code rrpc-hivemq/tls/4096B/256} or
 * {@code ceiling/tcp/16B/1}, for bench.filter. {@link TransportReport} checks the goals of issue #21 and prints the
 * ratios to the ceiling.
 */
final class TransportSuite {

    static final String[] SYSTEMS = { TransportReport.FLOOR, TransportReport.RRPC, TransportReport.HANDOFF,
        TransportReport.RRPC_CALLER, TransportReport.RRPC_DEVICE };
    /** Measured at 1 in flight only, where they split rrpc's cost per call between its two sides. */
    private static final Set<String> ONE_IN_FLIGHT_ONLY = Set.of(TransportReport.RRPC_CALLER,
            TransportReport.RRPC_DEVICE);
    /** rrpc's answering threads with default options, also the floor-handoff's. */
    static final int DEFAULT_CONSUMERS = new RrpcConfiguration().getConcurrentConsumers();
    /** rrpc's reply threads (RrpcReplies), also the floor-handoff's completion threads. */
    private static final int REPLY_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final String[] TRANSPORTS = { "tcp", "tls" };
    static final int[] IN_FLIGHT = { 1, 256 };

    private TransportSuite() {
    }

    /** @return the run's facts, as its report starts with them */
    static Map<String, Object> run(Settings settings) throws Exception {
        if (!MosquittoBroker.isInstalled() || !TlsCertificates.isOpensslInstalled()) {
            throw new IllegalStateException("the transport suite needs Debian's mosquitto and openssl");
        }
        long started = System.nanoTime();
        Map<String, Object> meta = settings.meta();
        meta.put("suite", "transports");
        meta.put("answeringThreads", DEFAULT_CONSUMERS);
        meta.put("broker", "mosquitto (MosquittoBroker: plain and TLS listener on loopback), MQTT 3.1.1");
        log("camel-rrpc transport benchmarks: %s, %d cores, quick=%s, filter=%s", meta.get("java"), meta.get("cores"),
                settings.quick(), settings.filter().pattern());
        List<ClosedLoop.Result> results = new ArrayList<>();
        Map<String, PairedSamples.Difference> paired = new LinkedHashMap<>();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            TlsCertificates certificates = TlsCertificates.generate();
            resources.add(certificates);
            MosquittoBroker mosquitto = MosquittoBroker.builder().tls(certificates).start();
            resources.add(mosquitto);
            List<String> systems = new ArrayList<>(List.of(SYSTEMS));
            CeilingBuild ceiling = null;
            if (anyMatch(settings, Ceiling.SYSTEM, "tcp") || anyMatch(settings, Ceiling.SYSTEM, "tls")) {
                ceiling = CeilingBuild.forRun(settings.out(), meta);
                if (ceiling.binary() != null) {
                    systems.add(Ceiling.SYSTEM);
                }
            }
            Map<String, Long> strayReplies = new LinkedHashMap<>();
            meta.put("strayReplies", strayReplies);
            Run run = new Run(settings, meta, mosquitto, certificates, systems, ceiling, results, paired,
                    strayReplies);
            for (String transport : TRANSPORTS) {
                // a transport's systems are closed before the next transport's open: they use the same topics on
                // the same broker, so a device still subscribed would answer the next transport's requests too
                List<AutoCloseable> phase = new ArrayList<>();
                try {
                    runTransport(run, transport, phase);
                } finally {
                    BenchMain.closeAll(phase);
                }
            }
        } finally {
            BenchMain.closeAll(resources);
        }
        meta.put("runSeconds", Math.round((System.nanoTime() - started) / 1e9));
        TransportReport report = new TransportReport(meta, results, paired);
        System.out.println();
        System.out.println(report.markdown());
        settings.write(report::write, "transports-results", "transports-latest");
        return meta;
    }

    /** What every transport of a run shares: its settings, broker and systems, and where its results go. */
    private record Run(Settings settings, Map<String, Object> meta, MosquittoBroker mosquitto,
            TlsCertificates certificates, List<String> systems, CeilingBuild ceiling, List<ClosedLoop.Result> results,
            Map<String, PairedSamples.Difference> paired, Map<String, Long> strayReplies) {
    }

    /** Opens the systems on one transport (into {@code phase}), warms them up and measures their cells. */
    private static void runTransport(Run run, String transport, List<AutoCloseable> phase) throws Exception {
        Settings settings = run.settings();
        String url = transport.equals("tls") ? run.mosquitto().getTlsBrokerUrl() : run.mosquitto().getBrokerUrl();
        List<String> names = new ArrayList<>();
        List<CallTarget> targets = new ArrayList<>();
        for (String system : run.systems()) {
            if (anyMatch(settings, system, transport)) {
                names.add(system);
                targets.add(system.equals(Ceiling.SYSTEM)
                        ? ceiling(run.ceiling(), url, run.certificates(), run.meta(), phase)
                        : open(system, transport, url, run.certificates(), settings, phase));
            }
        }
        log("global warm-up on %s: %d ms per system at 256 in flight", transport, settings.globalWarmup());
        for (CallTarget target : targets) {
            ClosedLoop.run(target, 16, 256, settings.globalWarmup(), 1, settings.timing().drainMillis(), null);
        }
        for (int payload : BenchMain.PAYLOADS) {
            for (int inFlight : IN_FLIGHT) {
                measure(settings, transport, payload, inFlight, names, targets, run.results(), run.paired());
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            long stray = targets.get(i).strayReplies();
            run.strayReplies().put(names.get(i) + "/" + transport, stray);
            if (stray > 0) {
                log("%s on %s: %d stray replies (replies that completed no call of its own)", names.get(i), transport,
                        stray);
            }
        }
    }

    private static void measure(Settings settings, String transport, int payload, int inFlight, List<String> names,
            List<CallTarget> targets, List<ClosedLoop.Result> results, Map<String, PairedSamples.Difference> paired)
            throws InterruptedException {
        List<String> cellNames = new ArrayList<>();
        List<CallTarget> cell = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (measured(settings, names.get(i), transport, payload, inFlight)) {
                cellNames.add(names.get(i));
                cell.add(targets.get(i));
            }
        }
        Cells.Measured measured = Cells.measure(cell, Collections.nCopies(cell.size(), null), payload, inFlight,
                settings.timing());
        for (int i = 0; i < cell.size(); i++) {
            ClosedLoop.Result r = ClosedLoop.merge(cellNames.get(i), "mosquitto", transport, payload, inFlight,
                    measured.runs().get(i));
            results.add(r);
            log("%-32s %9.0f calls/s  p50 %7.3f  p99 %7.3f  p99.9 %7.3f ms  cpu %5.1f us/call%s",
                    id(cellNames.get(i), transport, payload, inFlight), r.callsPerSecond(), r.p50Ms(), r.p99Ms(),
                    r.p999Ms(), r.jvmCpuUsPerCall(),
                    r.errors() + r.lost() > 0 ? "  errors " + r.errors() + " lost " + r.lost() : "");
        }
        if (measured.paired() == null) {
            return;
        }
        for (String[] pair : TransportReport.PAIRS) {
            int a = cellNames.indexOf(pair[0]);
            int b = cellNames.indexOf(pair[1]);
            if (a >= 0 && b >= 0) {
                PairedSamples.Difference d = measured.paired().p99Difference(a, b);
                paired.put(TransportReport.pairKey(transport, payload, pair), d);
                log("p99 %s - %s on %s, %d B, 1 in flight: %+.3f ms, 95%% interval %+.3f..%+.3f ms (%d cycles)",
                        pair[0], pair[1], transport, payload, d.ms(), d.lowMs(), d.highMs(), d.cycles());
            }
        }
    }

    static String id(String system, String transport, int payload, int inFlight) {
        return system + "/" + transport + "/" + payload + "B/" + inFlight;
    }

    /** Whether the run measures the system on the transport in any cell. */
    private static boolean anyMatch(Settings settings, String system, String transport) {
        for (int payload : BenchMain.PAYLOADS) {
            for (int inFlight : IN_FLIGHT) {
                if (measured(settings, system, transport, payload, inFlight)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean measured(Settings settings, String system, String transport, int payload, int inFlight) {
        return (inFlight == 1 || !ONE_IN_FLIGHT_ONLY.contains(system))
               && settings.filter().matcher(id(system, transport, payload, inFlight)).matches();
    }

    /** Starts the ceiling on one listener (on TLS trusting the generated CA); it goes to {@code resources}. */
    private static CallTarget ceiling(CeilingBuild build, String url, TlsCertificates certificates,
            Map<String, Object> meta, List<AutoCloseable> resources) throws Exception {
        Ceiling ceiling = Ceiling.start(build, url, certificates.caCertificate(), meta);
        resources.add(ceiling);
        return ceiling;
    }

    /** Starts one system on one listener; what it opens goes to {@code resources}. */
    private static CallTarget open(String system, String transport, String url, TlsCertificates certificates,
            Settings settings, List<AutoCloseable> resources) throws Exception {
        boolean tls = transport.equals("tls");
        TrustManagerFactory trust = tls ? certificates.trustManagerFactory() : null;
        SSLContextParameters camelTls = tls ? trusting(certificates) : null;
        CallTarget target = switch (system) {
            case TransportReport.FLOOR -> new HiveMqFloor(url, "$flrh", trust);
            case TransportReport.RRPC -> {
                Map<String, Object> options = rrpcOptions("$rrph", camelTls);
                resources.add(RrpcTarget.DeviceSide.withDefaults(url, options));
                yield rrpcCaller(url, options, settings, resources);
            }
            case TransportReport.HANDOFF ->
                    HiveMqFloor.withRrpcThreads(url, "$flhh", trust, DEFAULT_CONSUMERS, REPLY_THREADS);
            case TransportReport.RRPC_CALLER -> {
                resources.add(new RawDevice(url, "$rcal", trust, DEFAULT_CONSUMERS, RawClients.ON_THE_IO_THREAD));
                yield rrpcCaller(url, rrpcOptions("$rcal", camelTls), settings, resources);
            }
            case TransportReport.RRPC_DEVICE -> {
                resources.add(RrpcTarget.DeviceSide.withDefaults(url, rrpcOptions("$rdev", camelTls)));
                yield HiveMqFloor.callingWithRrpcThreads(url, "$rdev", trust, REPLY_THREADS);
            }
            default -> throw new IllegalArgumentException(system);
        };
        resources.add(target);
        return target;
    }

    /**
     * rrpc's options for one system: topics of its own under {@code root} (as long as {@code $rrpc}) so that no other
     * system hears them, and on TLS the CA to trust. Each side (device context, caller context) has its own connection.
     */
    private static Map<String, Object> rrpcOptions(String root, SSLContextParameters tls) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("requestTopicTemplate", root + "/rxd/{productId}/{deviceName}/{processId}");
        options.put("replyTopicTemplate", root + "/txd/{productId}/{deviceName}/{processId}");
        if (tls != null) {
            options.put("sslContextParameters", tls);
        }
        return options;
    }

    /** rrpc's calling side (its caller context goes to {@code resources}) calling device P/D. */
    private static CallTarget rrpcCaller(String url, Map<String, Object> options, Settings settings,
            List<AutoCloseable> resources) throws Exception {
        RrpcTarget.CallerSide caller = new RrpcTarget.CallerSide(url, settings.requestTimeout(), options);
        resources.add(caller);
        return new RrpcTarget(caller, "call", "P/D", null);
    }

    /** Camel's TLS settings trusting only the generated CA, as a user configures sslContextParameters. */
    private static SSLContextParameters trusting(TlsCertificates certificates) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + certificates.trustStore());
        store.setPassword(certificates.trustStorePassword());
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
