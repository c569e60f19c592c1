package io.camelrrpc.component.internal.health;

import java.util.Map;

import io.camelrrpc.component.spi.ConnectionStatus;
import io.camelrrpc.component.spi.RrpcConnection;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * One broker connection of the rrpc component. Readiness: DOWN while the connection is down or its subscriptions are
 * not all back after a reconnect. Liveness: DOWN only when it is not ready and will not reconnect by itself
 * ({@code automaticReconnect=false}). Details: broker URL, client id, pending calls, reconnects, last failure; never
 * credentials.
 */
public final class RrpcConnectionHealthCheck extends AbstractHealthCheck {

    private final RrpcConnection connection;

    public RrpcConnectionHealthCheck(RrpcConnection connection) {
        super("camel", "rrpc:" + connection.id());
        this.connection = connection;
    }

    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConnectionStatus status = connection.status();
        boolean up = options.get(CHECK_KIND) == Kind.LIVENESS ? status.isLive() : status.isReady();
        builder.details(status.details());
        if (up) {
            builder.up();
        } else {
            builder.message(status.connected()
                    ? "subscriptions not all restored after a reconnect to " + status.brokerUrl()
                    : "not connected to the MQTT broker " + status.brokerUrl());
            builder.down();
        }
    }
}
