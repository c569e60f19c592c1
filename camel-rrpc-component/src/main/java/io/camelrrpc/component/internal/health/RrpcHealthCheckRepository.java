package io.camelrrpc.component.internal.health;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import io.camelrrpc.component.spi.RrpcConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRepository;

/**
 * A {@link RrpcConnectionHealthCheck} for each broker connection in use by the rrpc components of the CamelContext,
 * made when a connection opens and gone when it closes. Registered by the components in Camel's health check registry,
 * so it shows in Camel Main's, Camel Quarkus's and Spring Boot's Camel health.
 */
public final class RrpcHealthCheckRepository implements HealthCheckRepository, CamelContextAware {

    public static final String ID = "rrpc";

    private final Map<RrpcConnection, HealthCheck> checks = new ConcurrentHashMap<>();
    private final Function<CamelContext, List<RrpcConnection>> connectionsOf;
    private volatile CamelContext camelContext;
    private volatile boolean enabled = true;

    /** @param connectionsOf the broker connections of every rrpc component of a CamelContext */
    public RrpcHealthCheckRepository(Function<CamelContext, List<RrpcConnection>> connectionsOf) {
        this.connectionsOf = connectionsOf;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public Stream<HealthCheck> stream() {
        CamelContext context = camelContext;
        if (!enabled || context == null) {
            return Stream.empty();
        }
        List<RrpcConnection> connections = connectionsOf.apply(context);
        checks.keySet().retainAll(connections);
        return connections.stream().map(connection -> checks.computeIfAbsent(connection, this::newCheck));
    }

    private HealthCheck newCheck(RrpcConnection connection) {
        RrpcConnectionHealthCheck check = new RrpcConnectionHealthCheck(connection);
        check.setCamelContext(camelContext);
        return check;
    }
}
