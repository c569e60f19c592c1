package io.camelrrpc.component.internal.correlation;

import java.util.concurrent.atomic.AtomicInteger;

import io.camelrrpc.component.spi.RrpcAddress;

/** Pending calls to device P/D for tests of the correlator's parts: no exchange, only address, timeout and limits. */
final class TestCalls {

    /** One call in flight per device; the others wait. */
    static final CallLimits ONE_AT_A_TIME = new CallLimits(100_000, 1, true, 1 << 20, 0);

    private static final AtomicInteger IDS = new AtomicInteger();

    private TestCalls() {
    }

    /** A new call whose deadline is the given time from now. */
    static PendingCall call(long timeoutMillis) {
        String processId = "id" + IDS.incrementAndGet();
        return new PendingCall(new RrpcAddress("P", "D", processId), null, null, timeoutMillis, "request/" + processId,
                new byte[0], ONE_AT_A_TIME, null, null, null);
    }
}
