package io.camelrrpc.component.internal.late;

import io.camelrrpc.component.spi.RrpcAddress;

/**
 * A reply that came after its call had timed out.
 *
 * @param address       the device and the call's processId
 * @param payload       the reply
 * @param timeoutMillis the call's timeout
 * @param lateByMillis  how long after the timeout the reply came
 */
public record LateReply(RrpcAddress address, byte[] payload, long timeoutMillis, long lateByMillis) {
}
