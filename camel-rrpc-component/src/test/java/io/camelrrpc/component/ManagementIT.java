package io.camelrrpc.component;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators see the producer's and consumer's counts over JMX. */
class ManagementIT extends RrpcTestSupport {

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("rrpc:P/D");
                from("rrpc:P/D").setBody(constant("ok"));
            }
        };
    }

    @Test
    void producerAndConsumerCountsAreManagedAttributes() throws Exception {
        template.requestBody("direct:call", "hi");
        template.request("direct:call", e -> e.getIn().setHeaders(Map.of(
                RrpcConstants.DEVICE_NAME, "nobody", RrpcConstants.REQUEST_TIMEOUT, 100)));

        MBeanServer jmx = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName producer = single(jmx, "producers", "RrpcProducer");
        assertThat(jmx.getAttribute(producer, "Replies")).isEqualTo(1L);
        assertThat(jmx.getAttribute(producer, "Timeouts")).isEqualTo(1L);
        assertThat(jmx.getAttribute(producer, "PendingCalls")).isEqualTo(0);
        assertThat(jmx.getAttribute(producer, "Connected")).isEqualTo(true);
        ObjectName consumer = single(jmx, "consumers", "RrpcConsumer");
        assertThat(jmx.getAttribute(consumer, "Filter")).isEqualTo("$rrpc/rxd/P/D/+");
        assertThat(jmx.getAttribute(consumer, "DroppedRequests")).isEqualTo(0L);
    }

    private ObjectName single(MBeanServer jmx, String type, String className) throws Exception {
        Set<ObjectName> all = jmx.queryNames(
                new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",type=" + type + ",*"), null);
        List<ObjectName> named = all.stream().filter(n -> n.getKeyProperty("name").startsWith(className)).toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }
}
