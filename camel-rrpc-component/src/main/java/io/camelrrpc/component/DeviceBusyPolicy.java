package io.camelrrpc.component;

/** What a call does when its device already has maxConcurrentCallsPerDevice calls in flight. */
public enum DeviceBusyPolicy {
    /** Wait for a free slot; the call's timeout keeps running while it waits. */
    Wait,
    /** Fail at once with RrpcRejectedException. */
    Reject
}
