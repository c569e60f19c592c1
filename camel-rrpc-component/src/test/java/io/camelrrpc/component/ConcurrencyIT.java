package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many calls at once: every reply reaches its own caller, and waiting calls hold no threads. */
class ConcurrencyIT extends RrpcTestSupport {

    private final Set<String> devicesServed = ConcurrentHashMap.newKeySet();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("rrpc:FLEET/dev0?requestTimeout=20000");
                from("rrpc:FLEET/+")
                        .process(e -> devicesServed.add(e.getIn().getHeader(RrpcConstants.DEVICE_NAME, String.class)))
                        .setBody(simple("${header.CamelRrpcDeviceName}:${body}"));
            }
        };
    }

    @Test
    void thousandConcurrentCallsToHundredDevicesEachGetTheirOwnReply() throws Exception {
        List<CompletableFuture<Object>> replies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            replies.add(template.asyncRequestBodyAndHeader("direct:call", "request-" + i, RrpcConstants.DEVICE_NAME,
                    "dev" + (i % 100)));
        }
        for (int i = 0; i < 1000; i++) {
            Object reply = replies.get(i).get(30, TimeUnit.SECONDS);
            assertThat(context.getTypeConverter().convertTo(String.class, reply)).isEqualTo("dev" + (i % 100) + ":request-" + i);
        }
        assertThat(devicesServed).hasSize(100);
        assertThat(correlator().statistics().replies()).isEqualTo(1000);
        assertThat(correlator().statistics().unmatchedReplies()).isZero();
        assertThat(correlator().pendingCalls()).isZero();
    }

    @Test
    void tenThousandCallsInFlightHoldNoThreadsAndAllTimeOutOnce() throws Exception {
        RrpcEndpoint silent = context.getEndpoint("rrpc:FLEET/nobody?requestTimeout=1500&requestTopicTemplate="
                                                  + "nowhere/{productId}/{deviceName}/{processId}", RrpcEndpoint.class);
        AsyncProducer producer = silent.createAsyncProducer();
        producer.start();
        int calls = 10_000;
        CountDownLatch done = new CountDownLatch(calls);
        AtomicInteger timedOut = new AtomicInteger();
        ConcurrentHashMap<Exchange, AtomicInteger> completions = new ConcurrentHashMap<>();
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < calls; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getIn().setBody("ping " + i);
            completions.put(exchange, new AtomicInteger());
            boolean sync = producer.process(exchange, doneSync -> {
                completions.get(exchange).incrementAndGet();
                if (exchange.getException() instanceof RrpcTimeoutException) {
                    timedOut.incrementAndGet();
                }
                done.countDown();
            });
            assertThat(sync).as("call %d completed at once: %s", i, exchange.getException()).isFalse();
        }
        assertThat(((RrpcProducer) producer).getCorrelator().pendingCalls()).isGreaterThan(calls / 2);
        assertThat(Thread.activeCount() - threadsBefore).isLessThan(50);

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(timedOut.get()).isEqualTo(calls);
        assertThat(completions.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(((RrpcProducer) producer).getCorrelator().pendingCalls()).isZero();
        producer.stop();
    }
}
