package io.camelrrpc.component.internal.observe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.camelrrpc.component.spi.CallOutcome;
import io.camelrrpc.component.spi.ReplyDropReason;
import io.camelrrpc.component.spi.RequestDropReason;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.component.spi.RrpcConnection;
import io.camelrrpc.component.spi.RrpcObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every observer of a component, told in turn; one that throws is logged and never stops the component. Without
 * observers telling costs nothing but a check.
 */
public final class Observers implements RrpcObserver {

    private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

    private final List<RrpcObserver> observers = new CopyOnWriteArrayList<>();

    public void add(RrpcObserver observer) {
        observers.add(observer);
    }

    public void remove(RrpcObserver observer) {
        observers.remove(observer);
    }

    /** Whether anyone listens: when not, callers may skip the work of telling. */
    public boolean isEmpty() {
        return observers.isEmpty();
    }

    @Override
    public void callEnded(RrpcAddress address, CallOutcome outcome, long durationNanos) {
        if (!observers.isEmpty()) {
            tell(o -> o.callEnded(address, outcome, durationNanos));
        }
    }

    @Override
    public void replyDropped(ReplyDropReason reason) {
        if (!observers.isEmpty()) {
            tell(o -> o.replyDropped(reason));
        }
    }

    @Override
    public void requestHandled(RrpcAddress address, boolean failed, long durationNanos) {
        if (!observers.isEmpty()) {
            tell(o -> o.requestHandled(address, failed, durationNanos));
        }
    }

    @Override
    public void requestDropped(RequestDropReason reason) {
        if (!observers.isEmpty()) {
            tell(o -> o.requestDropped(reason));
        }
    }

    @Override
    public void connectionOpened(RrpcConnection connection) {
        if (!observers.isEmpty()) {
            tell(o -> o.connectionOpened(connection));
        }
    }

    @Override
    public void connectionClosed(RrpcConnection connection) {
        if (!observers.isEmpty()) {
            tell(o -> o.connectionClosed(connection));
        }
    }

    private void tell(Consumer<RrpcObserver> event) {
        for (RrpcObserver observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("Observer {} failed: {}", observer, e.getMessage(), e);
            }
        }
    }
}
