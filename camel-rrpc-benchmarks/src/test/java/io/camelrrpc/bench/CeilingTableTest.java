package io.camelrrpc.bench;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports' section against the ceiling. */
class CeilingTableTest {

    private static ClosedLoop.Result result(String system, String variant, int inFlight, double callsPerSecond) {
        return new ClosedLoop.Result(system, "mosquitto", 16, inFlight, variant, 1000, 1, callsPerSecond, 0.1, 0.2,
                0.3, 0.4, 0, 0, 10, -1);
    }

    @Test
    void givesEverySystemsRatioToTheCeilingOfItsCell() {
        List<ClosedLoop.Result> results = List.of(result("rrpc-hivemq", "tcp", 1, 4500),
                result("floor-hivemq", "tcp", 1, 6400), result(Ceiling.SYSTEM, "tcp", 1, 8000),
                result("rrpc-hivemq", "tls", 1, 3000));

        CeilingTable table = new CeilingTable(results, Map.of(CeilingTable.ABOUT, "libmosquitto 2.0.11, gcc 12.2.0"));

        assertThat(table.header()).containsExactly("broker", "payload", "in flight", "ceiling calls/s",
                "ceiling p50/p99 ms", "ceiling CPU us/call (its process)", "rrpc-hivemq/ceiling",
                "floor-hivemq/ceiling");
        assertThat(table.markdown()).contains("libmosquitto 2.0.11, gcc 12.2.0")
                .contains("| mosquitto tcp | 16 B | 1 | 8000 | 0.100/0.200 | 10 | 0.56x | 0.80x |")
                .doesNotContain("mosquitto tls");
        assertThat(table.json().get("cells")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(1);
    }

    @Test
    void saysWhatIsMissingWhenTheCeilingWasNotMeasured() {
        CeilingTable table = new CeilingTable(List.of(result("rrpc-hivemq", "tcp", 1, 4500)),
                Map.of(CeilingTable.NOT_MEASURED, "gcc (not on the PATH)"));

        assertThat(table.markdown()).contains("**The ceiling was not measured**: missing gcc (not on the PATH).");
        assertThat(table.text()).contains("missing gcc (not on the PATH)");
    }

    @Test
    void isEmptyWhenTheRunWantedNoCeiling() {
        CeilingTable table = new CeilingTable(List.of(result("rrpc-hivemq", "tcp", 1, 4500)), Map.of());

        assertThat(table.markdown()).isEmpty();
        assertThat(table.text()).isEmpty();
    }
}
