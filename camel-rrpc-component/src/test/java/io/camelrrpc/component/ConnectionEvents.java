package io.camelrrpc.component;

import java.util.concurrent.atomic.AtomicInteger;

import io.camelrrpc.component.internal.mqtt.ConnectionListener;
import io.camelrrpc.component.internal.mqtt.MqttTransport;

/** Counts what a connection tells its listeners. */
final class ConnectionEvents implements ConnectionListener {

    final AtomicInteger lost = new AtomicInteger();
    final AtomicInteger reconnected = new AtomicInteger();
    final AtomicInteger restored = new AtomicInteger();

    static ConnectionEvents of(MqttTransport connection) {
        ConnectionEvents events = new ConnectionEvents();
        connection.addListener(events);
        return events;
    }

    @Override
    public void connectionLost(Throwable cause) {
        lost.incrementAndGet();
    }

    @Override
    public void reconnected() {
        reconnected.incrementAndGet();
    }

    @Override
    public void resubscribed() {
        restored.incrementAndGet();
    }
}
