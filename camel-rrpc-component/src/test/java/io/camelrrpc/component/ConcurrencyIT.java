package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.builder.RouteBuilder;
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
        AsyncProducer producer = startedProducer("rrpc:FLEET/nobody?requestTimeout=1500&requestTopicTemplate="
                                                 + "nowhere/{productId}/{deviceName}/{processId}");
        int calls = 10_000;
        int threadsBefore = Thread.activeCount();
        CallBurst burst = CallBurst.issue(producer, calls);
        assertThat(((RrpcProducer) producer).getCorrelator().pendingCalls()).isGreaterThan(calls / 2);
        assertThat(Thread.activeCount() - threadsBefore).isLessThan(50);

        burst.assertEachTimesOutOnce(30);
        assertThat(((RrpcProducer) producer).getCorrelator().pendingCalls()).isZero();
    }
}
