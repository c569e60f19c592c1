package io.camelrrpc.component.springboot;

import java.util.List;

import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.mqtt.MqttConnection;
import org.apache.camel.CamelContext;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * DOWN when any MQTT connection of an rrpc component is not healthy (disconnected, or its subscriptions not all
 * back after a reconnect), UP otherwise, also when no connection is open yet. Details name the broker URL of
 * each connection, never credentials.
 */
public class RrpcHealthIndicator extends AbstractHealthIndicator {

    private final CamelContext camelContext;

    /** One connection in the health details. */
    public record ConnectionHealth(String component, String broker, String clientId, boolean connected,
            boolean healthy) {

        static ConnectionHealth of(String component, MqttConnection connection) {
            return new ConnectionHealth(component, connection.settings().brokerUrl(), connection.clientId(),
                    connection.isConnected(), connection.isHealthy());
        }
    }

    public RrpcHealthIndicator(CamelContext camelContext) {
        super("rrpc health check failed");
        this.camelContext = camelContext;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ConnectionHealth> connections = camelContext.getComponentNames().stream()
                .filter(name -> camelContext.hasComponent(name) instanceof RrpcComponent)
                .flatMap(name -> ((RrpcComponent) camelContext.hasComponent(name)).getConnections().stream()
                        .map(connection -> ConnectionHealth.of(name, connection)))
                .toList();
        boolean healthy = connections.stream().allMatch(ConnectionHealth::healthy);
        (healthy ? builder.up() : builder.down()).withDetail("connections", connections);
    }
}
