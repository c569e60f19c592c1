package io.camelrrpc.component.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.spi.ConnectionStatus;
import org.apache.camel.CamelContext;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN when any MQTT connection of an rrpc component is not ready (disconnected, or its subscriptions not all back
 * after a reconnect), UP otherwise, also when no connection is open yet. Each connection's details are those of its
 * Camel health check (broker URL, client id, pending calls, reconnects, last failure; never credentials), with the
 * component's name.
 */
public class RrpcHealthIndicator extends AbstractHealthIndicator {

    private final CamelContext camelContext;

    public RrpcHealthIndicator(CamelContext camelContext) {
        super("rrpc health check failed");
        this.camelContext = camelContext;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Map<String, Object>> connections = new ArrayList<>();
        boolean ready = true;
        for (String name : camelContext.getComponentNames()) {
            if (camelContext.hasComponent(name) instanceof RrpcComponent component) {
                for (ConnectionStatus status : component.getConnectionStatuses()) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("component", name);
                    details.putAll(status.details());
                    connections.add(details);
                    ready &= status.isReady();
                }
            }
        }
        (ready ? builder.up() : builder.down()).withDetail("connections", connections);
    }
}
