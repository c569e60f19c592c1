package io.camelrrpc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.broker.TlsCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ceiling compiled by gcc against libmosquitto and run for short bursts against Debian mosquitto (plain and TLS),
 * taking turns with the raw HiveMQ floor as in a benchmark cell, and against the embedded Moquette. Skipped where mosquitto, openssl, gcc or
 * libmosquitto-dev are missing. Only what the harness needs is checked, never a speed.
 */
class CeilingTest {

    private static final Cells.Timing SHORT = new Cells.Timing(100, 200, 1, 1000);

    @TempDir
    static Path dir;
    private static final List<AutoCloseable> RESOURCES = new ArrayList<>();
    private static CeilingBuild build;
    private static TlsCertificates certificates;
    private static MosquittoBroker mosquitto;

    @BeforeAll
    static void compileAndStartMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled() && TlsCertificates.isOpensslInstalled(), "needs mosquitto, openssl");
        build = CeilingBuild.compile(dir);
        assumeTrue(build.binary() != null, () -> "the ceiling cannot be built here: missing " + build.missing());
        certificates = TlsCertificates.generate();
        RESOURCES.add(certificates);
        mosquitto = MosquittoBroker.builder().tls(certificates).start();
        RESOURCES.add(mosquitto);
    }

    @AfterAll
    static void stop() {
        BenchMain.closeAll(RESOURCES);
    }

    private static <T extends AutoCloseable> T open(T resource) {
        RESOURCES.add(resource);
        return resource;
    }

    @Test
    void takesTurnsWithAJvmSystemAtOneInFlightAndInRounds() throws Exception {
        Ceiling ceiling = open(Ceiling.start(build.binary(), mosquitto.getBrokerUrl(), null));
        HiveMqFloor floor = open(new HiveMqFloor(mosquitto.getBrokerUrl(), "$flrh", null));
        List<CallTarget> systems = List.of(ceiling, floor);

        Cells.Measured paired = Cells.measure(systems, Arrays.asList(null, null), 16, 1, SHORT);
        ClosedLoop.Run ceilingAlone = paired.runs().get(0).get(0);
        assertThat(ceilingAlone.calls()).isPositive();
        assertThat(ceilingAlone.latencies().getTotalCount()).isEqualTo(ceilingAlone.calls());
        assertThat(ceilingAlone.errors() + ceilingAlone.lost()).isZero();
        assertThat(ceilingAlone.jvmCpuNanos()).as("the ceiling process's CPU time").isPositive();
        assertThat(paired.runs().get(1).get(0).calls()).isPositive();
        assertThat(paired.paired().p99Difference(1, 0).cycles()).isPositive();

        Cells.Measured rounds = Cells.measure(systems, Arrays.asList(null, null), 4096, 8, SHORT);
        for (List<ClosedLoop.Run> runs : rounds.runs()) {
            assertThat(runs.get(0).calls()).isPositive();
            assertThat(runs.get(0).errors() + runs.get(0).lost()).isZero();
        }
        assertThat(rounds.runs().get(0).get(0).latencies().getTotalCount())
                .isEqualTo(rounds.runs().get(0).get(0).calls());
    }

    @Test
    void callsOverTlsTrustingTheSuitesCa() throws Exception {
        Ceiling ceiling = open(Ceiling.start(build.binary(), mosquitto.getTlsBrokerUrl(),
                certificates.caCertificate()));

        ClosedLoop.Run run = ClosedLoop.run(ceiling, 4096, 16, 100, 200, 1000, null);

        assertThat(ceiling.about()).startsWith("libmosquitto ");
        assertThat(run.calls()).isPositive();
        assertThat(run.errors() + run.lost()).isZero();
    }

    @Test
    void callsThroughMoquetteToo() throws Exception {
        EmbeddedMqttBroker moquette = open(EmbeddedMqttBroker.builder().start());
        Ceiling ceiling = open(Ceiling.start(build.binary(), moquette.getBrokerUrl(), null));

        ClosedLoop.Run run = ClosedLoop.run(ceiling, 16, 16, 100, 200, 1000, null);

        assertThat(run.calls()).isPositive();
        assertThat(run.errors() + run.lost()).isZero();
    }

    @Test
    void aCommandItCannotRunFailsThatCommandOnly() throws Exception {
        Ceiling ceiling = open(Ceiling.start(build.binary(), mosquitto.getBrokerUrl(), null));

        assertThat(ceiling.slice(16, 0, 100)).failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableThat().withMessageContaining("expected: run PAYLOAD_BYTES");
        assertThat(ceiling.slice(16, 20, 100).get().calls()).isPositive();
    }
}
