package io.camelrrpc.quarkus;

import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.spi.ConnectionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The {@code rrpc} check at {@code /q/health} and {@code /q/health/ready}: DOWN while any broker connection of an rrpc
 * component is not ready (disconnected, or its subscriptions not all back after a reconnect), UP otherwise, also before
 * any connection is open. Its data has one entry per connection, named {@code {clientId}@{brokerUrl}}, with the
 * details of the connection's Camel health check (connected, subscriptions restored, pending calls, reconnects, last
 * failure...); never credentials.
 */
@Readiness
@ApplicationScoped
public class RrpcReadiness implements HealthCheck {

    private final CamelContext camelContext;

    public RrpcReadiness(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("rrpc").up();
        for (String name : camelContext.getComponentNames()) {
            if (camelContext.hasComponent(name) instanceof RrpcComponent component) {
                for (ConnectionStatus status : component.getConnectionStatuses()) {
                    check.withData(status.clientId() + "@" + status.brokerUrl(), status.details().toString());
                    if (!status.isReady()) {
                        check.down();
                    }
                }
            }
        }
        return check.build();
    }
}
