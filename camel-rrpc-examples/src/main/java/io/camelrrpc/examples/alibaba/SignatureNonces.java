package io.camelrrpc.examples.alibaba;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SignatureNonces of accepted requests, each kept until its request's timestamp falls out of the window in
 * which the request would still be accepted: a replayed request is refused. Expired nonces are dropped at most once
 * a minute. Only nonces of correctly signed requests are remembered, so only key holders can fill it.
 */
final class SignatureNonces {

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    /**
     * Remembers the nonce until {@code expiry}.
     *
     * @return false when it is remembered already (a replay)
     */
    boolean firstUse(String nonce, Instant expiry, Instant now) {
        purgeExpired(now);
        Instant previous = expiries.putIfAbsent(nonce, expiry);
        if (previous == null) {
            return true;
        }
        if (previous.isBefore(now)) {
            return expiries.replace(nonce, previous, expiry);
        }
        return false;
    }

    /** How many nonces are remembered. */
    int size() {
        return expiries.size();
    }

    private void purgeExpired(Instant now) {
        Instant due = nextPurge.get();
        if (now.isAfter(due) && nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
            expiries.values().removeIf(expiry -> expiry.isBefore(now));
        }
    }
}
