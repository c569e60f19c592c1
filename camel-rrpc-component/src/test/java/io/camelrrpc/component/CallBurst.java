package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** Many calls issued at once through one producer, none waited for; records when and how often each completes. */
final class CallBurst {

    /** One call of the burst. */
    static final class Call {
        final Exchange exchange;
        final AtomicInteger completions = new AtomicInteger();
        private volatile long issuedNanos;
        private volatile long completedNanos;

        private Call(Exchange exchange) {
            this.exchange = exchange;
        }

        /** From just before the call was issued until it completed. */
        long millisToCompletion() {
            return TimeUnit.NANOSECONDS.toMillis(completedNanos - issuedNanos);
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final CountDownLatch completed;

    private CallBurst(int count) {
        completed = new CountDownLatch(count);
    }

    /** Issues the calls, each with its own body; asserts that none completes at once. */
    static CallBurst issue(AsyncProducer producer, int count) {
        CallBurst burst = new CallBurst(count);
        for (int i = 0; i < count; i++) {
            Call call = new Call(new DefaultExchange(producer.getEndpoint().getCamelContext()));
            call.exchange.getIn().setBody("call " + i);
            burst.calls.add(call);
            call.issuedNanos = System.nanoTime();
            boolean sync = producer.process(call.exchange, doneSync -> {
                call.completedNanos = System.nanoTime();
                call.completions.incrementAndGet();
                burst.completed.countDown();
            });
            assertThat(sync).as("call %d completed at once: %s", i, call.exchange.getException()).isFalse();
        }
        return burst;
    }

    List<Call> calls() {
        return calls;
    }

    /** Waits until every call has completed, then asserts that each timed out, once. */
    void assertEachTimesOutOnce(long withinSeconds) throws InterruptedException {
        assertThat(completed.await(withinSeconds, TimeUnit.SECONDS)).as("every call completed").isTrue();
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.completions).as("completions of %s", call.exchange.getIn().getBody()).hasValue(1);
            assertThat(call.exchange.getException()).isInstanceOf(RrpcTimeoutException.class);
        });
    }
}
