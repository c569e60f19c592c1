package io.camelrrpc.examples.console;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelrrpc.component.spi.CallOutcome;
import io.camelrrpc.component.spi.RrpcAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's log: the last 50 calls, the devices called, calls per second and their p99. */
class CallLogTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final CallLog log = new CallLog(clock::get);

    @Test
    void keepsTheLast50CallsNewestFirst() {
        for (int i = 0; i < 60; i++) {
            log.callEnded(new RrpcAddress("P", "D" + i, "id" + i), CallOutcome.OK, 1_000_000);
        }

        assertThat(log.lastCalls()).hasSize(50);
        assertThat(log.lastCalls().get(0).processId()).isEqualTo("id59");
        assertThat(log.recentDevices()).hasSize(20).containsKey("P/D59").doesNotContainKey("P/D0");
    }

    @Test
    void eachWholeSecondHasItsRateAndP99() {
        for (int millis = 1; millis <= 100; millis++) {
            log.callEnded(new RrpcAddress("P", "D", "id" + millis), CallOutcome.OK, TimeUnit.MILLISECONDS.toNanos(millis));
        }
        log.callEnded(new RrpcAddress("P", "D", "timedOut"), CallOutcome.TIMEOUT, TimeUnit.SECONDS.toNanos(4));
        clock.addAndGet(1000);

        CallLog.Second last = log.history().get(CallLog.SECONDS - 1);
        assertThat(last.calls()).isEqualTo(101);
        assertThat(last.p99Millis()).isEqualTo(100.0);
        assertThat(log.history().get(CallLog.SECONDS - 2).p99Millis()).isNull();
        assertThat(log.lastCalls().get(0).outcome()).isEqualTo("timeout");

        clock.addAndGet(TimeUnit.SECONDS.toMillis(CallLog.SECONDS));
        assertThat(log.history()).allSatisfy(second -> assertThat(second.calls()).isZero());
    }
}
