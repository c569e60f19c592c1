package io.camelrrpc.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A late reply is one to a call that timed out at most lateReplyWindow ago, whether or not its device still cools down
 * (afterTimeoutDelay): JMX, the Micrometer counter and the dev console count the same replies as late, and the rest as
 * unmatched.
 */
class LateReplyCountsIT extends FakeDeviceTestSupport {

    @BindToRegistry("metricsRegistry")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:coolingDown").to("rrpc:P/D?requestTimeout=300&afterTimeoutDelay=10000");
                from("direct:cooledDown").to("rrpc:P/D?requestTimeout=300&afterTimeoutDelay=100");
                from("direct:shortWindow").to("rrpc:P/D?requestTimeout=300&afterTimeoutDelay=10000&lateReplyWindow=100");
            }
        };
    }

    @Test
    void aReplyWhileTheDeviceCoolsDownIsLateEverywhere() throws Exception {
        FakeDevice.Request request = timedOutCall("direct:coolingDown");

        device.reply(request, "late");

        assertCounted(1, 0);
        assertThat(correlator().busyDevices()).as("the late reply ended the cool-down").isZero();
    }

    @Test
    void aReplyAfterTheCoolDownButWithinTheWindowIsLateEverywhere() throws Exception {
        FakeDevice.Request request = timedOutCall("direct:cooledDown");
        await().until(() -> correlator().busyDevices() == 0);

        device.reply(request, "later");

        assertCounted(1, 0);
    }

    @Test
    void aReplyAfterTheWindowIsUnmatchedEverywhereButStillEndsTheCoolDown() throws Exception {
        long timedOutAt = System.nanoTime();
        FakeDevice.Request request = timedOutCall("direct:shortWindow");
        await().until(() -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - timedOutAt) > 100);
        assertThat(correlator().busyDevices()).as("still cooling down").isOne();

        device.reply(request, "too late");

        assertCounted(0, 1);
        assertThat(correlator().busyDevices()).as("the reply ended the cool-down").isZero();
    }

    private FakeDevice.Request timedOutCall(String uri) throws Exception {
        assertThat(template.request(uri, e -> e.getIn().setBody("switch off")).getException())
                .isInstanceOf(RrpcTimeoutException.class);
        return device.nextRequest();
    }

    /** Waits until the reply is counted, then checks JMX, Micrometer and the dev console agree on late and unmatched. */
    private void assertCounted(long late, long unmatched) throws Exception {
        await().until(() -> droppedReplies() == 1);
        assertThat(managedAttribute("LateReplies")).as("JMX LateReplies").isEqualTo(late);
        assertThat(meters.get("rrpc.replies.dropped").tags("reason", "late").counter().count())
                .as("Micrometer reason=late").isEqualTo(late);
        assertThat(meters.get("rrpc.replies.dropped").tags("reason", "unmatched").counter().count())
                .as("Micrometer reason=unmatched").isEqualTo(unmatched);
        Map<String, Object> statistics = consoleStatistics();
        assertThat(statistics).as("dev console").containsEntry("lateReplies", late)
                .containsEntry("unmatchedReplies", unmatched);
    }

    private long droppedReplies() throws Exception {
        return (Long) managedAttribute("DroppedReplies");
    }

    private Object managedAttribute(String name) throws Exception {
        MBeanServer jmx = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        List<ObjectName> producers = jmx.queryNames(new ObjectName(
                "org.apache.camel:context=" + context.getManagementName() + ",type=producers,name=RrpcProducer*"), null)
                .stream().toList();
        assertThat(producers).as("one producer a route, all on one correlator").hasSize(3);
        return jmx.getAttribute(producers.get(0), name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> consoleStatistics() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("rrpc");
        ServiceHelper.startService(console);
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        Map<String, Object> rrpc = ((List<Map<String, Object>>) json.get("components")).get(0);
        Map<String, Object> producer = ((List<Map<String, Object>>) rrpc.get("producers")).get(0);
        return (Map<String, Object>) producer.get("statistics");
    }
}
