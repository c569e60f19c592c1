package io.camelrrpc.component.internal.correlation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/** Pending calls to device P/D for tests of the correlator and its parts. */
final class TestCalls {

    /** One call in flight per device; the others wait. */
    static final CallLimits ONE_AT_A_TIME = new CallLimits(100_000, 1, true, 1 << 20, 0);

    private static final AtomicInteger IDS = new AtomicInteger();

    private TestCalls() {
    }

    /** A new call whose deadline is the given time from now. */
    static PendingCall call(long timeoutMillis) {
        return newCall(null, null, timeoutMillis);
    }

    /** A new call of the exchange, whose end completes {@code ended} with the exchange (its exception, if any). */
    static PendingCall call(Exchange exchange, CompletableFuture<Exchange> ended, long timeoutMillis) {
        AsyncCallback callback = doneSync -> ended.complete(exchange);
        return newCall(exchange, callback, timeoutMillis);
    }

    private static PendingCall newCall(Exchange exchange, AsyncCallback callback, long timeoutMillis) {
        String processId = "id" + IDS.incrementAndGet();
        return new PendingCall(new RrpcAddress("P", "D", processId), exchange, callback, timeoutMillis,
                "request/" + processId, new byte[0], ONE_AT_A_TIME, null, null, null);
    }
}
