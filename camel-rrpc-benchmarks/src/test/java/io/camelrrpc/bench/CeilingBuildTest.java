package io.camelrrpc.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What the report says when the ceiling cannot be built, and how its answers are read. */
class CeilingBuildTest {

    @Test
    void withoutTheCompilerTheNoteNamesIt(@TempDir Path dir) {
        CeilingBuild build = CeilingBuild.compile(dir, "no-such-gcc");

        assertThat(build.binary()).isNull();
        assertThat(build.missing()).startsWith("no-such-gcc (not on the PATH");
    }

    @Test
    void aMissingHeaderOrLibraryIsNamedWithItsDebianPackage() {
        assertThat(CeilingBuild.missing("rrpc-ceiling.c:24:10: fatal error: mosquitto.h: No such file or directory"))
                .startsWith("libmosquitto-dev (gcc finds no mosquitto.h");
        assertThat(CeilingBuild.missing("/usr/bin/ld: cannot find -lmosquitto: No such file or directory"))
                .startsWith("libmosquitto (the linker finds no -lmosquitto");
    }

    @Test
    void readsAnAnswerWithAndWithoutLatencies() {
        Ceiling.Outcome some = Ceiling.parse("result calls=2 window_ns=20000000 lost=0 errors=1 cpu_ns=300"
                                             + " calls_per_s=100 p50_ms=0.100 p99_ms=0.200 latencies_ns=100000,200000");
        Ceiling.Outcome none = Ceiling.parse("result calls=0 window_ns=20000000 lost=1 errors=0 cpu_ns=5"
                                             + " calls_per_s=0 p50_ms=0.000 p99_ms=0.000 latencies_ns=");

        assertThat(some.calls()).isEqualTo(2);
        assertThat(some.errors()).isEqualTo(1);
        assertThat(some.cpuNanos()).isEqualTo(300);
        assertThat(some.latencies()).containsExactly(100_000, 200_000);
        assertThat(none.lost()).isEqualTo(1);
        assertThat(none.latencies()).isEmpty();
    }
}
