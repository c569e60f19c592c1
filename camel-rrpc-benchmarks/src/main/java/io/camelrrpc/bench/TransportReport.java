package io.camelrrpc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.camelrrpc.bench.Report.fmt;
import static io.camelrrpc.bench.Report.md;
import static io.camelrrpc.bench.Report.ratio;
import static io.camelrrpc.bench.Report.size;
import static io.camelrrpc.bench.Report.thr;
import static io.camelrrpc.bench.Report.x;

/**
 * The table of the transport suite and the minimum of issue #21: with default options, rrpc reaches at least 1.0x the
 * raw HiveMQ client's calls/s (its floor) in every 1-in-flight cell, its p99 there is at most 0.1 ms above the floor's
 * (paired comparison), and it loses no call. The report names the cells that miss it. Beside them, rrpc against the
 * same raw client with rrpc's two hand-offs ({@link #HANDOFF}): what rrpc costs beyond the threads its guarantees need.
 */
final class TransportReport {

    static final String RRPC = "rrpc-hivemq";
    static final String FLOOR = "floor-hivemq";
    /**
     * The raw client on rrpc's threads: callbacks on its Netty thread, answering from a pool and completing on a pool,
     * as rrpc must (no route on an I/O thread).
     */
    static final String HANDOFF = "floor-handoff";
    /** rrpc's calling side (route, producer, correlation) answered by a raw device on rrpc's threads. */
    static final String RRPC_CALLER = "rrpc-caller";
    /** A raw caller on rrpc's threads calling rrpc's device side (consumer, route, reply). */
    static final String RRPC_DEVICE = "rrpc-device";
    private static final String SIDES_ABOUT = "The microseconds each side of rrpc adds to a call of the raw client on"
            + " rrpc's threads (`floor-handoff`), from the systems' mean calls (one over their calls/s):"
            + " `rrpc-caller` is rrpc's route, producer and correlation answered by a raw device, `rrpc-device` a raw"
            + " caller served by rrpc's consumer and route, both on rrpc's threads, taking turns with the others. The"
            + " sides' sum is close to, not equal to, what whole rrpc adds: the machine does more around a call when"
            + " both sides are rrpc.";
    private static final List<String> SIDES_HEADER = List.of("transport", "payload", "floor-handoff us/call",
            "rrpc's caller side: rrpc-caller - floor-handoff, us",
            "rrpc's device side: rrpc-device - floor-handoff, us",
            "both sides", "rrpc-hivemq - floor-handoff, us");
    /** The systems of the main table, in its order; the half-rrpc ones have a section of their own. */
    private static final List<String> MAIN_TABLE = List.of(FLOOR, RRPC, HANDOFF);
    /** The paired p99 differences computed at 1 in flight: first minus second. */
    static final String[][] PAIRS = { { RRPC, FLOOR }, { RRPC, HANDOFF } };
    private static final double MIN_THROUGHPUT_RATIO = 1.0;
    private static final double MAX_ADDED_P99_MS = 0.1;

    private static final List<String> HEADER = List.of("transport", "payload", "in flight", "floor-hivemq calls/s",
            "rrpc-hivemq calls/s", "floor-handoff calls/s", "rrpc/floor", "rrpc/floor-handoff",
            "p50 ms floor/rrpc/handoff", "p99 ms floor/rrpc/handoff", "p99 rrpc - floor ms (paired, 95 % interval)",
            "p99 rrpc - floor-handoff ms (paired)", "lost+failed calls floor/rrpc/handoff",
            "JVM CPU us/call floor/rrpc/handoff");

    private final Map<String, Object> meta;
    private final List<ClosedLoop.Result> results;
    private final Map<String, PairedSamples.Difference> paired;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> sides = new ArrayList<>();
    private final List<Map<String, Object>> criteria = new ArrayList<>();
    private final Map<String, Object> decision = new LinkedHashMap<>();
    private final CeilingTable ceiling;

    TransportReport(Map<String, Object> meta, List<ClosedLoop.Result> results,
            Map<String, PairedSamples.Difference> paired) {
        this.meta = meta;
        this.results = results;
        this.paired = paired;
        this.ceiling = new CeilingTable(results, meta);
        build();
    }

    static String pairKey(String transport, int payload, String[] pair) {
        return transport + "/" + payload + "/" + pair[0] + "-" + pair[1];
    }

    private ClosedLoop.Result find(String system, String transport, int payload, int inFlight) {
        for (ClosedLoop.Result r : results) {
            if (r.system().equals(system) && r.variant().equals(transport) && r.payloadBytes() == payload
                && r.inFlight() == inFlight) {
                return r;
            }
        }
        return null;
    }

    private void build() {
        List<String> losses = new ArrayList<>();
        boolean complete = true;
        for (String transport : TransportSuite.TRANSPORTS) {
            for (int payload : BenchMain.PAYLOADS) {
                for (int inFlight : TransportSuite.IN_FLIGHT) {
                    List<ClosedLoop.Result> cell = new ArrayList<>();
                    for (String system : MAIN_TABLE) {
                        cell.add(find(system, transport, payload, inFlight));
                    }
                    ClosedLoop.Result floor = cell.get(0);
                    ClosedLoop.Result rrpc = cell.get(1);
                    ClosedLoop.Result handoff = cell.get(2);
                    complete &= floor != null && rrpc != null;
                    if (rrpc != null && rrpc.errors() + rrpc.lost() > 0) {
                        losses.add(fmt("%s %s %d in flight: %d lost, %d failed", transport, size(payload), inFlight,
                                rrpc.lost(), rrpc.errors()));
                    }
                    if (cell.stream().allMatch(r -> r == null)) {
                        continue;
                    }
                    String where = transport + " " + size(payload);
                    Double rrpcOverFloor = ratio(rrpc, floor);
                    PairedSamples.Difference added = paired.get(pairKey(transport, payload, PAIRS[0]));
                    PairedSamples.Difference addedToHandoff = paired.get(pairKey(transport, payload, PAIRS[1]));
                    rows.add(List.of(transport, size(payload), Integer.toString(inFlight), thr(floor), thr(rrpc),
                            thr(handoff), x(rrpcOverFloor), x(ratio(rrpc, handoff)), each(cell, "p50"),
                            each(cell, "p99"), inFlight == 1 && added != null ? interval(added) : "-",
                            inFlight == 1 && addedToHandoff != null ? interval(addedToHandoff) : "-",
                            each(cell, "lost"), each(cell, "cpu")));
                    if (inFlight == 1) {
                        sides(transport, payload, handoff, rrpc);
                        criterion("rrpc >= 1.0x the raw client's calls/s at 1 in flight", where,
                                rrpcOverFloor != null && rrpcOverFloor >= MIN_THROUGHPUT_RATIO,
                                rrpcOverFloor == null ? "not measured"
                                        : fmt("%.2fx (%s vs %s calls/s)", rrpcOverFloor, thr(rrpc), thr(floor)));
                        criterion("rrpc p99 <= the raw client's p99 + 0.1 ms at 1 in flight (paired)", where,
                                added != null && added.ms() <= MAX_ADDED_P99_MS,
                                added == null ? "not measured"
                                        : fmt("%s (p99 %.3f vs %.3f ms)", interval(added), rrpc.p99Ms(),
                                                floor.p99Ms()));
                    }
                }
            }
        }
        criterion("rrpc loses no call", "every cell", complete && losses.isEmpty(),
                losses.isEmpty() ? (complete ? "0 lost, 0 failed" : "not every cell measured")
                        : String.join("; ", losses));
        decide(complete);
    }

    /**
     * One row of the split at 1 in flight, where calls/s is one over the mean call: how many microseconds each side of
     * rrpc adds to a call of the raw client on rrpc's threads.
     */
    private void sides(String transport, int payload, ClosedLoop.Result handoff, ClosedLoop.Result rrpc) {
        ClosedLoop.Result caller = find(RRPC_CALLER, transport, payload, 1);
        ClosedLoop.Result device = find(RRPC_DEVICE, transport, payload, 1);
        if (handoff == null || caller == null || device == null) {
            return;
        }
        double callerSide = addedMicros(caller, handoff);
        double deviceSide = addedMicros(device, handoff);
        sides.add(List.of(transport, size(payload), fmt("%.1f", 1e6 / handoff.callsPerSecond()),
                fmt("%+.1f", callerSide), fmt("%+.1f", deviceSide), fmt("%+.1f", callerSide + deviceSide),
                rrpc == null ? "-" : fmt("%+.1f", addedMicros(rrpc, handoff))));
    }

    private static double addedMicros(ClosedLoop.Result system, ClosedLoop.Result base) {
        return 1e6 / system.callsPerSecond() - 1e6 / base.callsPerSecond();
    }

    private void decide(boolean complete) {
        List<String> missedBy = new ArrayList<>();
        for (Map<String, Object> c : criteria) {
            if (!Boolean.TRUE.equals(c.get("met"))) {
                missedBy.add(c.get("where") + ": " + c.get("criterion") + " - " + c.get("evidence"));
            }
        }
        boolean full = complete && !Boolean.TRUE.equals(meta.get("quick"));
        decision.put("fullRun", full);
        decision.put("met", full && missedBy.isEmpty());
        decision.put("missedBy", missedBy);
        decision.put("text", !full ? "No verdict: it needs one full run of every cell (this run is quick or filtered)."
                : missedBy.isEmpty() ? "Met: rrpc with default options is at least as fast as the raw client."
                : "Not met in " + missedBy.size() + " criterion/criteria (below).");
    }

    private static String interval(PairedSamples.Difference d) {
        return fmt("%+.3f (%+.3f..%+.3f)", d.ms(), d.lowMs(), d.highMs());
    }

    private static String each(List<ClosedLoop.Result> cell, String what) {
        List<String> out = new ArrayList<>();
        for (ClosedLoop.Result r : cell) {
            out.add(r == null ? "-" : switch (what) {
                case "p50" -> fmt("%.3f", r.p50Ms());
                case "p99" -> fmt("%.3f", r.p99Ms());
                case "lost" -> Long.toString(r.lost() + r.errors());
                default -> fmt("%.0f", r.jvmCpuUsPerCall());
            });
        }
        return String.join("/", out);
    }

    private void criterion(String name, String where, boolean met, String evidence) {
        criteria.add(entry(name, where, met, evidence));
    }

    private static Map<String, Object> entry(String name, String where, boolean met, String evidence) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("criterion", name);
        e.put("where", where);
        e.put("met", met);
        e.put("evidence", evidence);
        return e;
    }

    private static List<List<String>> checks(List<Map<String, Object>> entries) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            out.add(List.of(Boolean.TRUE.equals(e.get("met")) ? "met" : "**not met**", (String) e.get("criterion"),
                    (String) e.get("where"), (String) e.get("evidence")));
        }
        return out;
    }

    String markdown() {
        StringBuilder s = new StringBuilder("# camel-rrpc transport benchmark results\n\n");
        s.append(fmt("Run %s, %s, %s cores, %s, %s s; %s; QoS 0; %s answering threads; %s round(s) of a %s ms window"
                     + " after %s ms warm-up per 256-in-flight cell; at 1 in flight the systems take turns in 20 ms"
                     + " slices in random order (paired), calls/s = 1 / mean latency. Mosquitto: %s. Ratios within"
                     + " this one run are what count: the machine is shared.%n%n",
                meta.get("date"), meta.get("java"), meta.get("cores"),
                Boolean.TRUE.equals(meta.get("quick")) ? "**quick run**" : "full run", meta.get("runSeconds"),
                meta.get("broker"), meta.get("answeringThreads"), meta.get("rounds"), meta.get("windowMillis"),
                meta.get("warmupMillis"), meta.get("mosquitto")));
        s.append(md(HEADER, rows));
        s.append("\n`!` after calls/s = lost or failed calls in that cell. ").append(strayReplies()).append("\n");
        if (!sides.isEmpty()) {
            s.append("\n## rrpc's cost by side (1 in flight)\n\n").append(SIDES_ABOUT).append("\n\n");
            s.append(md(SIDES_HEADER, sides));
        }
        s.append(ceiling.markdown());
        s.append("\n## rrpc against the raw client (issue #21's minimum)\n\n").append(decision.get("text"))
                .append("\n\n");
        s.append(md(List.of("", "criterion", "where", "evidence"), checks(criteria)));
        return s.toString();
    }

    /** Says whether any system heard replies that completed no call of its own, which would spoil its numbers. */
    private String strayReplies() {
        Map<?, ?> counts = meta.get("strayReplies") instanceof Map<?, ?> map ? map : Map.of();
        List<String> stray = counts.entrySet().stream().filter(e -> ((Number) e.getValue()).longValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        return stray.isEmpty()
                ? "Stray replies (replies that completed no call of their system): none."
                : "**Stray replies** (replies that completed no call of their system: another system or transport"
                  + " answered too, and the numbers are spoiled): " + String.join(", ", stray) + ".";
    }

    void write(Path json, Path markdown) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("meta", meta);
        doc.put("verdict", decision);
        doc.put("criteria", criteria);
        doc.put("pairedP99DifferencesMs", paired);
        doc.put("ceiling", ceiling.json());
        doc.put("sidesAtOneInFlight", sides.stream().map(row -> {
            Map<String, Object> side = new LinkedHashMap<>();
            for (int i = 0; i < SIDES_HEADER.size(); i++) {
                side.put(SIDES_HEADER.get(i), row.get(i));
            }
            return side;
        }).toList());
        doc.put("cells", results);
        Report.writeFiles(json, doc, markdown, markdown());
    }
}
