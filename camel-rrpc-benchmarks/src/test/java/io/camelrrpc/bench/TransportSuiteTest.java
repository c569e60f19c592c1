package io.camelrrpc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.broker.TlsCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Short transport suite runs on Debian mosquitto, checking the harness, never a speed. The systems of one transport
 * must not hear the other's calls: they use the same topics on the same broker, so the first transport's devices, left
 * subscribed, would answer the second transport's requests too and spoil its numbers with twice the traffic.
 */
class TransportSuiteTest {

    @TempDir
    Path out;

    @BeforeEach
    void needsMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled() && TlsCertificates.isOpensslInstalled(), "needs mosquitto, openssl");
    }

    /** A quick run of the cells the filter picks, reporting to {@link #out}. */
    private BenchMain.Settings shortRun(String filter) {
        return new BenchMain.Settings(true, Pattern.compile(filter), out, 4, new Cells.Timing(100, 100, 1, 1000), 200,
                10_000, false, out.resolve("published"));
    }

    @Test
    void aTransportsSystemsHearNoOtherTransportsReplies() throws Exception {
        Map<String, Object> meta = TransportSuite.run(shortRun("(floor-hivemq|rrpc-hivemq)/(tcp|tls)/16B/1"));

        assertThat(meta.get("strayReplies")).isEqualTo(Map.of("floor-hivemq/tcp", 0L, "rrpc-hivemq/tcp", 0L,
                "floor-hivemq/tls", 0L, "rrpc-hivemq/tls", 0L));
        assertThat(Files.readString(out.resolve("transports-results.md")))
                .contains("Stray replies (replies that completed no call of their system): none.");
    }

    /**
     * The half-rrpc systems fit their raw halves (rrpc's producer and a raw device, a raw caller and rrpc's consumer),
     * lose no call, are measured at 1 in flight only, and the report splits rrpc's cost between its sides.
     */
    @Test
    void theHalfRrpcSystemsCompleteEveryCallAtOneInFlightAndSplitTheCost() throws Exception {
        TransportSuite.run(shortRun("(floor-handoff|rrpc-hivemq|rrpc-caller|rrpc-device)/tcp/16B/.*"));

        JsonNode report = new ObjectMapper().readTree(out.resolve("transports-results.json").toFile());
        List<String> measured = new ArrayList<>();
        for (JsonNode cell : report.get("cells")) {
            measured.add(cell.get("system").asText() + "/" + cell.get("inFlight").asInt());
            assertThat(cell.get("calls").asLong()).as(cell.toString()).isPositive();
            assertThat(cell.get("lost").asLong() + cell.get("errors").asLong()).as(cell.toString()).isZero();
        }
        assertThat(measured).containsExactlyInAnyOrder("floor-handoff/1", "rrpc-hivemq/1", "rrpc-caller/1",
                "rrpc-device/1", "floor-handoff/256", "rrpc-hivemq/256");
        assertThat(report.get("sidesAtOneInFlight")).hasSize(1);
        String markdown = Files.readString(out.resolve("transports-results.md"));
        assertThat(markdown).contains("## rrpc's cost by side");
        String mainRow = markdown.lines().filter(line -> line.startsWith("| tcp | 16 B | 1 |")).findFirst()
                .orElseThrow();
        assertThat(mainRow.split("\\|")[9].trim().split("/")).as("p50 of floor/rrpc/handoff: " + mainRow).hasSize(3);
    }
}
