package io.camelrrpc.component.spi;

/**
 * Makes the processIds that tie replies to calls. An id must be unique among the calls in flight on a broker (across
 * every node that shares it), be a valid MQTT topic level, and should be fixed width: the Tencent C device SDK keeps
 * the id in a static buffer and answers a shorter id after a longer one with the old id's tail.
 */
@FunctionalInterface
public interface ProcessIdGenerator {

    /** The next id; called concurrently. */
    String nextId();
}
