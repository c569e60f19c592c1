package io.camelrrpc.component;

import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code rrpc} dev console, found by id as Camel's consoles are: connections, the devices with most pending
 * calls, statistics and consumers, as text and as JSON.
 */
class DevConsoleIT extends FakeDeviceTestSupport {

    private DevConsole console;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("rrpc:SERVED/dev1").routeId("served").setBody(constant("ok"));
            }
        };
    }

    @BeforeEach
    void pendingCalls() {
        String silent = "rrpc:P/%s?requestTimeout=30000&maxConcurrentCallsPerDevice=0";
        for (int i = 0; i < 3; i++) {
            template.asyncSend(String.format(silent, "busy"), e -> e.getIn().setBody("hello"));
        }
        template.asyncSend(String.format(silent, "quiet"), e -> e.getIn().setBody("hello"));
        await().until(() -> correlator().pendingCalls() == 4);
        console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("rrpc");
        ServiceHelper.startService(console);
    }

    @Test
    void textShowsConnectionsBusiestDevicesStatisticsAndConsumers() {
        String text = (String) console.call(DevConsole.MediaType.TEXT);

        assertThat(text).contains("Component rrpc", "@" + broker.getBrokerUrl() + ": ready on " + broker.getBrokerUrl() + ", 4 pending call(s)",
                "0 failover(s)",
                "Calls: 4 pending to 2 device(s); calls=4, replies=0", "P/busy: 3 pending", "P/quiet: 1 pending",
                "Consumer of route served on $rrpc/rxd/SERVED/dev1/+: 0 dropped request(s)");
        assertThat(text.indexOf("P/busy")).isLessThan(text.indexOf("P/quiet"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsAsManyDevicesAsAsked() {
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of("limit", "1"));

        Map<String, Object> rrpc = ((List<Map<String, Object>>) json.get("components")).get(0);
        assertThat(rrpc).containsEntry("name", "rrpc");
        Map<String, Object> connection = ((List<Map<String, Object>>) rrpc.get("connections")).get(0);
        assertThat(connection).containsEntry("ready", true).containsEntry("broker.url", broker.getBrokerUrl())
                .containsEntry("pending.calls", 4);
        Map<String, Object> producer = ((List<Map<String, Object>>) rrpc.get("producers")).get(0);
        assertThat(producer).containsEntry("pendingCalls", 4).containsEntry("devicesWithPendingCalls", 2);
        assertThat((List<Map<String, Object>>) producer.get("busiestDevices"))
                .containsExactly(Map.of("device", "P/busy", "pendingCalls", 3));
        assertThat((Map<String, Object>) producer.get("statistics")).containsEntry("calls", 4L)
                .containsEntry("lateReplies", 0L);
        assertThat((List<Map<String, Object>>) rrpc.get("consumers")).containsExactly(
                Map.of("routeId", "served", "filter", "$rrpc/rxd/SERVED/dev1/+", "droppedRequests", 0L));
    }
}
