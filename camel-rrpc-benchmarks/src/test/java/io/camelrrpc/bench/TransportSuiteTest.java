package io.camelrrpc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.broker.TlsCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A short transport suite run on Debian mosquitto: the systems of one transport must not hear the other's calls. They
 * use the same topics on the same broker, so the first transport's devices, left subscribed, would answer the second
 * transport's requests too and spoil its numbers with twice the traffic. Only the harness is checked, never a speed.
 */
class TransportSuiteTest {

    @TempDir
    Path out;

    @Test
    void aTransportsSystemsHearNoOtherTransportsReplies() throws Exception {
        assumeTrue(MosquittoBroker.isInstalled() && TlsCertificates.isOpensslInstalled(), "needs mosquitto, openssl");
        BenchMain.Settings settings = new BenchMain.Settings(true,
                Pattern.compile("(floor-hivemq|rrpc-hivemq)/(tcp|tls)/16B/1"), out, 4,
                new Cells.Timing(100, 100, 1, 1000), 200, 10_000, false, out.resolve("published"));

        Map<String, Object> meta = TransportSuite.run(settings);

        assertThat(meta.get("strayReplies")).isEqualTo(Map.of("floor-hivemq/tcp", 0L, "rrpc-hivemq/tcp", 0L,
                "floor-hivemq/tls", 0L, "rrpc-hivemq/tls", 0L));
        assertThat(Files.readString(out.resolve("transports-results.md")))
                .contains("Stray replies (replies that completed no call of their system): none.");
    }
}
