package io.camelrrpc.component;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A device that answers after the call timed out: with lateReplyUri its reply becomes a new exchange naming the
 * device, the processId, the call's timeout and how late the reply came; without, it is counted and dropped.
 */
class LateReplyIT extends FakeDeviceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("rrpc:P/D?requestTimeout=300&lateReplyUri=seda:late");
                from("direct:plain").to("rrpc:P/D2?requestTimeout=300");
                from("seda:late").to("mock:late");
            }
        };
    }

    @Test
    void aLateReplyGoesToLateReplyUriOnce() throws Exception {
        Exchange timedOut = template.request("direct:call", e -> e.getIn().setBody("switch off"));
        assertThat(timedOut.getException()).isInstanceOf(RrpcTimeoutException.class);
        FakeDevice.Request request = device.nextRequest();
        MockEndpoint late = getMockEndpoint("mock:late");
        late.expectedMessageCount(1);

        device.reply(request, "done, a bit late");

        late.assertIsSatisfied();
        Message message = late.getExchanges().get(0).getMessage();
        assertThat(message.getBody(String.class)).isEqualTo("done, a bit late");
        assertThat(message.getHeader(RrpcConstants.PRODUCT_ID)).isEqualTo("P");
        assertThat(message.getHeader(RrpcConstants.DEVICE_NAME)).isEqualTo("D");
        assertThat(message.getHeader(RrpcConstants.PROCESS_ID)).isEqualTo(request.address().processId());
        assertThat(message.getHeader(RrpcConstants.REQUEST_TIMEOUT)).isEqualTo(300L);
        assertThat(message.getHeader(RrpcConstants.LATE_BY, Long.class)).isBetween(0L, 10_000L);

        device.reply(request, "done, said twice");
        await().until(() -> correlator().recentCalls().duplicateReplies() == 1);
        late.assertIsSatisfied();
        assertThat(rrpc().getCallStatistics()).singleElement().satisfies(statistics -> {
            assertThat(statistics.timeouts()).isOne();
            assertThat(statistics.lateReplies()).isOne();
            assertThat(statistics.duplicateReplies()).isOne();
        });
    }

    @Test
    void withoutLateReplyUriALateReplyIsCountedAndDropped() throws Exception {
        template.request("direct:plain", e -> e.getIn().setBody("switch off"));
        FakeDevice.Request request = device.nextRequest();

        device.reply(request, "done, a bit late");

        await().until(() -> correlator().recentCalls().lateReplies() == 1);
        assertThat(getMockEndpoint("mock:late").getReceivedCounter()).isZero();
        assertThat(correlator().pendingCalls()).isZero();
    }
}
