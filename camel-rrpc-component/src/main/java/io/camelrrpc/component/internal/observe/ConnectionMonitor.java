package io.camelrrpc.component.internal.observe;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import io.camelrrpc.component.internal.mqtt.ConnectionListener;
import io.camelrrpc.component.spi.ConnectionStatus;
import io.camelrrpc.component.spi.RrpcConnection;
import org.apache.camel.util.URISupport;

/**
 * Follows one broker connection for health checks, metrics and consoles: hears its drops, reconnects and failed
 * subscriptions, and reads its state through a {@link ConnectionView}.
 */
public final class ConnectionMonitor implements ConnectionListener, RrpcConnection {

    private record Failure(String reason, Instant at) {
    }

    private final ConnectionView connection;
    private final IntSupplier pendingCalls;
    private final Clock clock;
    private final String brokerUrl;
    private final String clientId;
    private final String id;
    private final LongAdder reconnects = new LongAdder();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();

    /**
     * @param connection   the connection's state
     * @param pendingCalls the calls pending on it now
     */
    public ConnectionMonitor(ConnectionView connection, IntSupplier pendingCalls, Clock clock) {
        this.connection = connection;
        this.pendingCalls = pendingCalls;
        this.clock = clock;
        this.brokerUrl = URISupport.sanitizeUri(connection.brokerUrl());
        this.clientId = connection.clientId();
        this.id = clientId + "@" + brokerUrl;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String brokerUrl() {
        return brokerUrl;
    }

    @Override
    public String currentBroker() {
        return URISupport.sanitizeUri(connection.currentBroker());
    }

    @Override
    public long failovers() {
        return connection.failovers();
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public String protocolVersion() {
        return connection.protocolVersion();
    }

    @Override
    public boolean isConnected() {
        return connection.isConnected();
    }

    @Override
    public long reconnects() {
        return reconnects.sum();
    }

    @Override
    public long undecodablePackets() {
        return connection.undecodablePackets();
    }

    @Override
    public ConnectionStatus status() {
        Failure failure = lastFailure.get();
        return new ConnectionStatus(id, brokerUrl, currentBroker(), connection.clientId(), connection.isConnected(),
                connection.isReady(), connection.reconnectsByItself(), pendingCalls.getAsInt(), reconnects(), failovers(),
                undecodablePackets(),
                failure == null ? null : failure.reason(), failure == null ? null : failure.at());
    }

    @Override
    public void connectionLost(Throwable cause) {
        failed("connection lost: " + (cause == null ? "no reason given" : describe(cause)));
    }

    @Override
    public void resubscribed() {
        reconnects.increment();
    }

    @Override
    public void resubscribeFailed(String filter, Throwable cause) {
        failed("cannot subscribe to '" + filter + "' again: " + describe(cause));
    }

    private void failed(String reason) {
        lastFailure.set(new Failure(reason, clock.instant()));
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "ConnectionMonitor[" + id + "]";
    }
}
