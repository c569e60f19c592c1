package io.camelrrpc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.camelrrpc.bench.Report.fmt;
import static io.camelrrpc.bench.Report.ratio;
import static io.camelrrpc.bench.Report.size;
import static io.camelrrpc.bench.Report.thr;
import static io.camelrrpc.bench.Report.x;

/**
 * Every system's calls/s as a ratio to the {@link Ceiling}'s in the same cell of the same run (1.00x = as fast as two
 * libmosquitto clients in C through the same broker), with the ceiling's own calls/s and latencies. A cell is a
 * broker (with the transport suite's tcp or tls), a payload and a number of calls in flight; the systems are those
 * measured in cells with the ceiling, in the order of the results. When the ceiling was not measured, a note says why.
 */
final class CeilingTable {

    /** The report's meta key for what the ceiling ran on, e.g. {@code libmosquitto 2.0.11, gcc 12.2.0}. */
    static final String ABOUT = "ceiling";
    /** The report's meta key for why the ceiling was not measured (what is missing). */
    static final String NOT_MEASURED = "ceilingNotMeasured";

    private final String about;
    private final String notMeasured;
    private final List<String> systems = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Map<String, Object>> ratios = new ArrayList<>();

    /** @param meta the report's meta, with {@link #ABOUT} or {@link #NOT_MEASURED} when the run wanted a ceiling */
    CeilingTable(List<ClosedLoop.Result> results, Map<String, Object> meta) {
        this.about = (String) meta.get(ABOUT);
        this.notMeasured = (String) meta.get(NOT_MEASURED);
        Map<String, List<ClosedLoop.Result>> cells = new LinkedHashMap<>();
        for (ClosedLoop.Result r : results) {
            cells.computeIfAbsent(where(r) + "/" + r.payloadBytes() + "/" + r.inFlight(), k -> new ArrayList<>())
                    .add(r);
        }
        List<List<ClosedLoop.Result>> withCeiling = cells.values().stream()
                .filter(cell -> ceiling(cell) != null)
                .toList();
        for (List<ClosedLoop.Result> cell : withCeiling) {
            for (ClosedLoop.Result r : cell) {
                if (!r.system().equals(Ceiling.SYSTEM) && !systems.contains(r.system())) {
                    systems.add(r.system());
                }
            }
        }
        withCeiling.forEach(this::add);
    }

    private static String where(ClosedLoop.Result r) {
        return r.variant().isEmpty() ? r.broker() : r.broker() + " " + r.variant();
    }

    private static ClosedLoop.Result ceiling(List<ClosedLoop.Result> cell) {
        return cell.stream().filter(r -> r.system().equals(Ceiling.SYSTEM)).findFirst().orElse(null);
    }

    private void add(List<ClosedLoop.Result> cell) {
        ClosedLoop.Result ceiling = ceiling(cell);
        List<String> row = new ArrayList<>(List.of(where(ceiling), size(ceiling.payloadBytes()),
                Integer.toString(ceiling.inFlight()), thr(ceiling),
                fmt("%.3f/%.3f", ceiling.p50Ms(), ceiling.p99Ms()), fmt("%.0f", ceiling.jvmCpuUsPerCall())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("broker", ceiling.broker());
        json.put("variant", ceiling.variant());
        json.put("payloadBytes", ceiling.payloadBytes());
        json.put("inFlight", ceiling.inFlight());
        json.put("ceilingCallsPerSecond", ceiling.callsPerSecond());
        Map<String, Double> overCeiling = new LinkedHashMap<>();
        for (String system : systems) {
            Double r = ratio(cell.stream().filter(c -> c.system().equals(system)).findFirst().orElse(null), ceiling);
            row.add(x(r));
            overCeiling.put(system, r);
        }
        json.put("overCeiling", overCeiling);
        rows.add(row);
        ratios.add(json);
    }

    List<String> header() {
        List<String> header = new ArrayList<>(List.of("broker", "payload", "in flight", "ceiling calls/s",
                "ceiling p50/p99 ms", "ceiling CPU us/call (its process)"));
        systems.forEach(system -> header.add(system + "/ceiling"));
        return header;
    }

    /** @return the section for a markdown report; empty when the run wanted no ceiling */
    String markdown() {
        if (rows.isEmpty()) {
            return notMeasured == null ? "" : fmt("%n## Against the ceiling%n%n%s%n", skipped());
        }
        return fmt("%n## Against the ceiling%n%n%s%n%n", explained()) + Report.md(header(), rows);
    }

    /** @return the section for the console; empty when the run wanted no ceiling */
    String text() {
        if (rows.isEmpty()) {
            return notMeasured == null ? "" : fmt("%n%s%n", skipped());
        }
        return fmt("%nAgainst the ceiling. %s%n", explained()) + Report.text(header(), rows);
    }

    private String skipped() {
        return "**The ceiling was not measured**: missing " + notMeasured + ".";
    }

    private String explained() {
        return "Each system's calls/s over the ceiling's in the same cell. The ceiling is a C ping-pong of two"
               + " libmosquitto clients through the same broker on topics of its own (" + about + "), taking turns"
               + " with the other systems: 1.00x = the fastest this machine and broker allow a client.";
    }

    /** @return the table for the JSON report: what the ceiling ran on and the ratios by cell */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("about", about);
        json.put("notMeasured", notMeasured);
        json.put("cells", ratios);
        return json;
    }
}
