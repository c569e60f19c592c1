package io.camelrrpc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one table (console and markdown), the target checks and the JSON copy of a run. */
final class Report {

    private static final String[] HEADER = {
            "broker", "payload", "in flight", "floor calls/s", "floor+hand-offs calls/s", "rrpc calls/s", "jms calls/s",
            "rrpc/floor", "rrpc/(floor+hand-offs)", "rrpc/jms", "floor/jms", "p50 ms floor/rrpc/jms", "p99 ms floor/rrpc/jms", "p99.9 ms floor/rrpc/jms",
            "rrpc p99 - floor p99 ms", "JVM CPU us/call floor/rrpc/jms" };

    private final Map<String, Object> meta;
    private final List<ClosedLoop.Result> results;
    private final HeapAndTimeouts.Result heap;
    private final Map<String, PairedSamples.Difference> pairedAddedP99;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Map<String, Object>> ratios = new ArrayList<>();
    private final List<Map<String, Object>> targets = new ArrayList<>();
    private final CeilingTable ceiling;

    /** @param pairedAddedP99 rrpc's p99 minus the floor's at 1 in flight, from the paired samples, by {@link #key} */
    Report(Map<String, Object> meta, List<ClosedLoop.Result> results, HeapAndTimeouts.Result heap,
            Map<String, PairedSamples.Difference> pairedAddedP99) {
        this.meta = meta;
        this.results = results;
        this.heap = heap;
        this.pairedAddedP99 = pairedAddedP99;
        this.ceiling = new CeilingTable(results, meta);
        build();
    }

    static String key(String broker, int payload) {
        return broker + "/" + payload;
    }

    private ClosedLoop.Result find(String system, String broker, int payload, int inFlight, String variant) {
        for (ClosedLoop.Result r : results) {
            if (r.system().equals(system) && r.broker().equals(broker) && r.payloadBytes() == payload
                && r.inFlight() == inFlight && r.variant().equals(variant)) {
                return r;
            }
        }
        return null;
    }

    private void build() {
        for (String broker : new String[] { "moquette", "mosquitto" }) {
            for (int payload : BenchMain.PAYLOADS) {
                for (int inFlight : BenchMain.IN_FLIGHT) {
                    ClosedLoop.Result floor = find("floor", broker, payload, inFlight, "");
                    ClosedLoop.Result rrpc = find("rrpc", broker, payload, inFlight, "");
                    ClosedLoop.Result jms = find("jms", "artemis", payload, inFlight, "");
                    ClosedLoop.Result handoff = find("handoff", broker, payload, inFlight, "");
                    if (floor == null && rrpc == null) {
                        continue;
                    }
                    Double vsFloor = ratio(rrpc, floor);
                    Double vsJms = ratio(rrpc, jms);
                    Double addedP99 = rrpc != null && floor != null ? rrpc.p99Ms() - floor.p99Ms() : null;
                    Double vsHandoff = ratio(rrpc, handoff);
                    Double floorVsJms = ratio(floor, jms);
                    rows.add(List.of(broker, size(payload), Integer.toString(inFlight), thr(floor), thr(handoff),
                            thr(rrpc), thr(jms), x(vsFloor), x(vsHandoff), x(vsJms), x(floorVsJms), lat(floor, rrpc, jms, 50), lat(floor, rrpc, jms, 99),
                            lat(floor, rrpc, jms, 999), addedP99 == null ? "-" : fmt("%+.3f", addedP99),
                            cpu(floor) + "/" + cpu(rrpc) + "/" + cpu(jms)));
                    Map<String, Object> ratio = new LinkedHashMap<>();
                    ratio.put("broker", broker);
                    ratio.put("payloadBytes", payload);
                    ratio.put("inFlight", inFlight);
                    ratio.put("rrpcOverFloor", vsFloor);
                    ratio.put("rrpcOverFloorWithHandoffs", vsHandoff);
                    ratio.put("floorWithHandoffsOverFloor", ratio(handoff, floor));
                    ratio.put("floorOverJms", floorVsJms);
                    ratio.put("rrpcOverJms", vsJms);
                    ratio.put("rrpcP99MinusFloorP99Ms", addedP99);
                    ratios.add(ratio);
                    if (inFlight == 256 && vsFloor != null) {
                        target("rrpc throughput >= 0.9x floor at 256 in flight", broker, payload, vsFloor >= 0.9,
                                fmt("%.2fx (%s vs %s calls/s)", vsFloor, thr(rrpc), thr(floor)));
                    }
                    PairedSamples.Difference paired = inFlight == 1 ? pairedAddedP99.get(key(broker, payload)) : null;
                    if (paired != null) {
                        ratio.put("rrpcP99MinusFloorP99PairedMs", paired.ms());
                        ratio.put("rrpcP99MinusFloorP99Interval95Ms", List.of(paired.lowMs(), paired.highMs()));
                        target("p99 added latency <= 0.5 ms at 1 in flight", broker, payload, paired.ms() <= 0.5,
                                fmt("%+.3f ms, 95 %% interval %+.3f..%+.3f ms (paired bootstrap over %d cycles; p99"
                                    + " %.3f vs %.3f)", paired.ms(), paired.lowMs(), paired.highMs(), paired.cycles(),
                                        rrpc.p99Ms(), floor.p99Ms()));
                    }
                    if (inFlight == 256 && vsJms != null) {
                        target("rrpc >= 3x camel-jms InOut throughput at 256 in flight", broker, payload, vsJms >= 3,
                                fmt("%.2fx (%s vs %s calls/s); the raw HiveMQ client itself: %s", vsJms, thr(rrpc), thr(jms),
                                        x(floorVsJms)));
                    }
                }
            }
        }
        if (heap != null) {
            HeapAndTimeouts.Variant p = heap.producer();
            double perHundredK = heap.rrpcBytesPerCall() * 100_000 / 1048576.0;
            target("100,000 pending calls in < 64 MB of heap (what rrpc adds to the caller's exchange)", heap.broker(),
                    16, heap.calls() >= 100_000 && p.pendingWhenMeasured() == heap.calls() && perHundredK < 64,
                    fmt("rrpc adds %.0f B/call = %.1f MB per 100,000; with the exchange %.0f B/call = %.1f MB"
                        + " (the bare exchange alone: %.0f B = %.1f MB)", heap.rrpcBytesPerCall(), perHundredK,
                            p.bytesPerPendingCall(), p.bytesPerPendingCall() * 100_000 / 1048576.0,
                            heap.bareExchangeBytes(), heap.bareExchangeBytes() * 100_000 / 1048576.0));
            target("timeouts fire within +-50 ms of the deadline under that load", heap.broker(), 16,
                    p.outside50Ms() == 0 && p.timedOut() == heap.calls(), lateness(p, heap.calls()));
        }
    }

    private static String lateness(HeapAndTimeouts.Variant v, int calls) {
        return fmt("lateness min %.3f p50 %.3f p99 %.3f p99.9 %.3f max %.3f ms; %d of %d outside +-50 ms;"
                   + " %d GC pauses meanwhile, longest %.0f ms%s",
                v.latenessMinMs(), v.latenessP50Ms(), v.latenessP99Ms(), v.latenessP999Ms(), v.latenessMaxMs(),
                v.outside50Ms() + (calls - v.timedOut()), calls, v.gcPausesWhileExpiring(), v.longestGcPauseMs(),
                v.timedOut() == calls ? "" : " (" + (calls - v.timedOut()) + " did not time out)");
    }

    private void target(String name, String broker, int payload, boolean met, String evidence) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", name);
        t.put("broker", broker);
        t.put("payload", size(payload));
        t.put("met", met);
        t.put("evidence", evidence);
        targets.add(t);
    }

    private List<List<String>> gatewayRows() {
        List<List<String>> out = new ArrayList<>();
        for (String broker : new String[] { "moquette", "mosquitto" }) {
            List<ClosedLoop.Result> one = new ArrayList<>();
            List<ClosedLoop.Result> many = new ArrayList<>();
            for (ClosedLoop.Result r : results) {
                if (r.system().equals("gateway") && r.broker().equals(broker)) {
                    (r.variant().startsWith("1 ") ? one : many).add(r);
                }
            }
            if (one.isEmpty() || many.isEmpty()) {
                continue;
            }
            double a = one.stream().mapToDouble(ClosedLoop.Result::callsPerSecond).average().orElse(0);
            double b = many.stream().mapToDouble(ClosedLoop.Result::callsPerSecond).average().orElse(0);
            out.add(List.of(broker, fmt("%.0f", a), fmt("%.0f", b), x(b / a),
                    fmt("%.3f / %.3f", one.get(0).p99Ms(), many.get(0).p99Ms())));
        }
        return out;
    }

    private List<List<String>> heapRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("bare InOut exchange, 16-byte body", fmt("%.0f", heap.bareExchangeBytes()),
                fmt("%.1f", heap.bareExchangeBytes() * heap.calls() / 1048576.0), "-"));
        rows.add(List.of("exchange in flight in a route (processor never answers)",
                fmt("%.0f", heap.routeInFlightExchangeBytes()),
                fmt("%.1f", heap.routeInFlightExchangeBytes() * heap.calls() / 1048576.0), "-"));
        for (HeapAndTimeouts.Variant v : List.of(heap.producer(), heap.route())) {
            rows.add(List.of("pending rrpc call: " + v.name(), fmt("%.0f", v.bytesPerPendingCall()),
                    fmt("%.1f", v.megabytesForAllCalls()), lateness(v, heap.calls())));
        }
        rows.add(List.of("rrpc's own share (producer - bare exchange)", fmt("%.0f", heap.rrpcBytesPerCall()),
                fmt("%.1f", heap.rrpcBytesPerCall() * heap.calls() / 1048576.0), "-"));
        return rows;
    }

    static Double ratio(ClosedLoop.Result a, ClosedLoop.Result b) {
        return a == null || b == null || b.callsPerSecond() == 0 ? null
                : Math.round(a.callsPerSecond() / b.callsPerSecond() * 100) / 100.0;
    }

    static String thr(ClosedLoop.Result r) {
        if (r == null) {
            return "-";
        }
        String s = fmt("%.0f", r.callsPerSecond());
        return r.errors() + r.lost() > 0 ? s + "!" : s;
    }

    static String x(Double v) {
        return v == null ? "-" : fmt("%.2fx", v);
    }

    private static String cpu(ClosedLoop.Result r) {
        return r == null ? "-" : fmt("%.0f", r.jvmCpuUsPerCall());
    }

    private static String lat(ClosedLoop.Result f, ClosedLoop.Result r, ClosedLoop.Result j, int p) {
        return one(f, p) + "/" + one(r, p) + "/" + one(j, p);
    }

    private static String one(ClosedLoop.Result r, int p) {
        if (r == null) {
            return "-";
        }
        double v = p == 50 ? r.p50Ms() : p == 99 ? r.p99Ms() : r.p999Ms();
        return v < 10 ? fmt("%.3f", v) : v < 100 ? fmt("%.1f", v) : fmt("%.0f", v);
    }

    static String size(int bytes) {
        return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " B";
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    String consoleTable() {
        StringBuilder s = new StringBuilder();
        s.append("camel-rrpc benchmarks (").append(meta.get("date")).append(", ").append(meta.get("cores"))
                .append(" cores, ").append(Boolean.TRUE.equals(meta.get("quick")) ? "QUICK run" : "full run")
                .append("; jms = camel-jms InOut on embedded Artemis, the same numbers on both broker rows;")
                .append(" ! = errors or lost calls)\n");
        s.append(text(List.of(HEADER), rows));
        s.append(ceiling.text());
        List<List<String>> gw = gatewayRows();
        if (!gw.isEmpty()) {
            s.append("\nGateway consumer rrpc:G/+ (256 in flight, 16 B)\n");
            s.append(text(List.of("broker", "1 device calls/s", "10,000 devices calls/s", "10k/1", "p99 ms 1/10k"),
                    gw));
        }
        if (heap != null) {
            s.append(fmt("%nHeap and timeouts: %,d calls pending against a silent device on %s, timeout %d ms%n",
                    heap.calls(), heap.broker(), heap.timeoutMillis()));
            s.append(text(List.of("", "bytes/call", "MB", "timeout lateness"), heapRows()));
        }
        s.append("\nTargets\n");
        List<List<String>> t = new ArrayList<>();
        for (Map<String, Object> target : targets) {
            t.add(List.of(Boolean.TRUE.equals(target.get("met")) ? "MET" : "NOT MET", (String) target.get("target"),
                    target.get("broker") + " " + target.get("payload"), (String) target.get("evidence")));
        }
        s.append(text(List.of("", "target", "where", "evidence"), t));
        return s.toString();
    }

    static String text(List<String> header, List<List<String>> body) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(1, header.get(i).length());
            for (List<String> row : body) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, header, width);
        for (List<String> row : body) {
            line(s, row, width);
        }
        return s.toString();
    }

    private static void line(StringBuilder s, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            s.append(i == 0 ? "" : "  ");
            s.append(String.format("%-" + width[i] + "s", cells.get(i)));
        }
        s.append('\n');
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("# camel-rrpc benchmark results\n\n");
        s.append(fmt("Run %s, %s, %s cores, %s, %s round(s) per cell of a %s ms window after %s ms warm-up (at 4,096 one round; at 1 in flight the systems take turns in 20 ms slices in random order, for 4 rounds' windows each, and calls/s = 1 / mean latency), QoS 0,"
                     + " %s answering threads. Mosquitto: %s. JMS: %s.%n%n",
                meta.get("date"), meta.get("java"), meta.get("cores"),
                Boolean.TRUE.equals(meta.get("quick")) ? "**quick run**" : "full run", meta.get("rounds"),
                meta.get("windowMillis"), meta.get("warmupMillis"), meta.get("answeringThreads"), meta.get("mosquitto"), meta.get("jmsConfig")));
        s.append(md(List.of(HEADER), rows));
        s.append(ceiling.markdown());
        List<List<String>> gw = gatewayRows();
        if (!gw.isEmpty()) {
            s.append("\n## Gateway consumer `rrpc:G/+` (256 in flight, 16 B)\n\n");
            s.append(md(List.of("broker", "1 device calls/s", "10,000 devices calls/s", "10k/1", "p99 ms 1/10k"), gw));
        }
        if (heap != null) {
            s.append(fmt("%n## Heap and timeouts (%,d calls pending against a silent device on %s, timeout %d ms)%n%n",
                    heap.calls(), heap.broker(), heap.timeoutMillis()));
            s.append(md(List.of("", "bytes/call", "MB", "timeout lateness"), heapRows()));
            for (HeapAndTimeouts.Variant v : List.of(heap.producer(), heap.route())) {
                s.append(fmt("%nLargest shares of the pending-call heap, %s (class histogram diff):%n%n", v.name()));
                List<List<String>> classes = new ArrayList<>();
                for (HeapAndTimeouts.ClassShare c : v.topClasses()) {
                    classes.add(List.of("`" + c.className() + "`", fmt("%.2f", c.instancesPerCall()),
                            fmt("%.1f", c.bytesPerCall())));
                }
                s.append(md(List.of("class", "instances/call", "bytes/call"), classes));
            }
        }
        s.append("\n## Targets\n\n");
        List<List<String>> t = new ArrayList<>();
        for (Map<String, Object> target : targets) {
            t.add(List.of(Boolean.TRUE.equals(target.get("met")) ? "met" : "**not met**", (String) target.get("target"),
                    target.get("broker") + " " + target.get("payload"), (String) target.get("evidence")));
        }
        s.append(md(List.of("", "target", "where", "evidence"), t));
        return s.toString();
    }

    static String md(List<String> header, List<List<String>> body) {
        StringBuilder s = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        s.append("---|".repeat(header.size())).append('\n');
        for (List<String> row : body) {
            s.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return s.toString();
    }

    void write(Path json, Path markdown) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("meta", meta);
        doc.put("targets", targets);
        doc.put("ratios", ratios);
        doc.put("ceiling", ceiling.json());
        doc.put("cells", results);
        doc.put("heapAndTimeouts", heap);
        writeFiles(json, doc, markdown, markdown());
    }

    /** Writes a report's JSON document and its markdown text. */
    static void writeFiles(Path json, Map<String, Object> doc, Path markdown, String text) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
        Files.writeString(markdown, text, StandardCharsets.UTF_8);
    }
}
