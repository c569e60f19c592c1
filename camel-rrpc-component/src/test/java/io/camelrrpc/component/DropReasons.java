package io.camelrrpc.component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.camelrrpc.component.spi.ReplyDropReason;
import io.camelrrpc.component.spi.RequestDropReason;
import io.camelrrpc.component.spi.RrpcObserver;

/** Counts the replies and requests a component's observers hear of as dropped, by reason. */
final class DropReasons implements RrpcObserver {

    private final Map<Object, LongAdder> counts = new ConcurrentHashMap<>();

    /** Observes the node's component from now on. */
    static DropReasons of(RrpcNode node) {
        DropReasons drops = new DropReasons();
        node.component().addObserver(drops);
        return drops;
    }

    @Override
    public void replyDropped(ReplyDropReason reason) {
        counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    @Override
    public void requestDropped(RequestDropReason reason) {
        counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** How often this reason was heard. */
    long count(Enum<?> reason) {
        LongAdder count = counts.get(reason);
        return count == null ? 0 : count.sum();
    }

    /** All drops heard. */
    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
