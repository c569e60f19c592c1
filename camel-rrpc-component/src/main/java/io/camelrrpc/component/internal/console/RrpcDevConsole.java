package io.camelrrpc.component.internal.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.RrpcConsumer;
import io.camelrrpc.component.internal.observe.ContextComponents;
import io.camelrrpc.component.spi.CallStatistics;
import io.camelrrpc.component.spi.ConnectionStatus;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code rrpc} dev console: for each rrpc component, its broker connections, its producers' pending calls (the
 * devices with most calls pending first) and statistics, and its consumers. Option {@value #LIMIT}: how many devices
 * to list (default {@value #DEFAULT_LIMIT}).
 */
@DevConsole(name = "rrpc", displayName = "RRPC", description = "Synchronous calls to MQTT devices (rrpc component)")
public class RrpcDevConsole extends AbstractDevConsole {

    /** How many devices with pending calls to list. */
    public static final String LIMIT = "limit";
    static final int DEFAULT_LIMIT = 10;

    public RrpcDevConsole() {
        super("camel", "rrpc", "RRPC", "Synchronous calls to MQTT devices (rrpc component)");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        int limit = limit(options);
        components().forEach((name, component) -> {
            text.append("Component ").append(name).append('\n');
            for (ConnectionStatus connection : component.getConnectionStatuses()) {
                text.append(String.format("  Connection %s: %s %s, %d pending call(s), %d reconnect(s), %d failover(s)%s%n",
                        connection.id(), connection.isReady() ? "ready on" : connection.connected()
                                ? "connected, subscriptions not all restored, on" : "not connected, trying",
                        connection.currentBroker(), connection.pendingCalls(), connection.reconnects(),
                        connection.failovers(),
                        connection.lastFailure() == null ? ""
                                : ", last failure at " + connection.lastFailureAt() + ": " + connection.lastFailure()));
            }
            for (CallStatistics statistics : component.getCallStatistics()) {
                Map<String, Integer> pending = statistics.pendingCallsByDevice();
                text.append(String.format("  Calls: %d pending to %d device(s); %s%n",
                        statistics.pendingCalls(), pending.size(), statistics(statistics)));
                PendingCallsByDevice.top(pending, limit)
                        .forEach(device -> text.append(String.format("    %s: %d pending%n", device.device(),
                                device.pendingCalls())));
            }
            for (Map.Entry<String, RrpcConsumer> consumer : consumers(component).entrySet()) {
                text.append(String.format("  Consumer of route %s on %s: %d dropped request(s)%n", consumer.getKey(),
                        consumer.getValue().getFilter(), consumer.getValue().getDroppedRequests()));
            }
        });
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        int limit = limit(options);
        JsonArray components = new JsonArray();
        components().forEach((name, component) -> {
            JsonObject json = new JsonObject();
            json.put("name", name);
            JsonArray connections = new JsonArray();
            component.getConnectionStatuses().forEach(status -> {
                JsonObject connection = new JsonObject(status.details());
                connection.put("id", status.id());
                connection.put("ready", status.isReady());
                connections.add(connection);
            });
            json.put("connections", connections);
            JsonArray producers = new JsonArray();
            for (CallStatistics statistics : component.getCallStatistics()) {
                JsonObject producer = new JsonObject();
                Map<String, Integer> pending = statistics.pendingCallsByDevice();
                producer.put("pendingCalls", statistics.pendingCalls());
                producer.put("devicesWithPendingCalls", pending.size());
                producer.put("statistics", new JsonObject(statisticsMap(statistics)));
                JsonArray devices = new JsonArray();
                PendingCallsByDevice.top(pending, limit).forEach(device -> devices.add(
                        new JsonObject(Map.of("device", device.device(), "pendingCalls", device.pendingCalls()))));
                producer.put("busiestDevices", devices);
                producers.add(producer);
            }
            json.put("producers", producers);
            JsonArray consumers = new JsonArray();
            consumers(component).forEach((routeId, consumer) -> consumers.add(new JsonObject(Map.of(
                    "routeId", routeId, "filter", consumer.getFilter(),
                    "droppedRequests", consumer.getDroppedRequests()))));
            json.put("consumers", consumers);
            components.add(json);
        });
        JsonObject root = new JsonObject();
        root.put("components", components);
        return root;
    }

    private Map<String, RrpcComponent> components() {
        return ContextComponents.of(getCamelContext(), RrpcComponent.class);
    }

    /** The started rrpc consumers of this component, by route id. */
    private Map<String, RrpcConsumer> consumers(RrpcComponent component) {
        Map<String, RrpcConsumer> consumers = new TreeMap<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof RrpcConsumer consumer
                && consumer.getEndpoint().getComponent() == component) {
                consumers.put(route.getRouteId(), consumer);
            }
        }
        return consumers;
    }

    private static String statistics(CallStatistics statistics) {
        StringBuilder text = new StringBuilder();
        statisticsMap(statistics).forEach((name, value) -> text.append(text.isEmpty() ? "" : ", ")
                .append(name).append('=').append(value));
        return text.toString();
    }

    private static Map<String, Object> statisticsMap(CallStatistics stats) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("calls", stats.calls());
        map.put("replies", stats.replies());
        map.put("timeouts", stats.timeouts());
        map.put("failures", stats.failures());
        map.put("rejections", stats.rejections());
        map.put("lateReplies", stats.lateReplies());
        map.put("duplicateReplies", stats.duplicateReplies());
        map.put("unmatchedReplies", stats.unmatchedReplies());
        map.put("misaddressedReplies", stats.misaddressedReplies());
        map.put("malformedReplies", stats.malformedReplies());
        map.put("oversizedReplies", stats.oversizedReplies());
        map.put("rememberedTimeouts", stats.rememberedTimeouts());
        return map;
    }

    private static int limit(Map<String, Object> options) {
        Object limit = options.get(LIMIT);
        return limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit.toString());
    }
}
