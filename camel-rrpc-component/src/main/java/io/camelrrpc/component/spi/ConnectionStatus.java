package io.camelrrpc.component.spi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broker connection's state at one moment, as health checks and consoles show it. Holds no credentials.
 *
 * @param id                 names the connection: {@code clientId@brokerUrl}
 * @param brokerUrl          the broker, or the list of the nodes of a cluster
 * @param currentBroker      the broker (node of the list) it is on now, or tries to reach while down
 * @param clientId           the MQTT client id
 * @param connected          whether the connection is up
 * @param ready              whether it is up with every subscription in place
 * @param reconnectsByItself whether the client reconnects by itself after a drop
 * @param pendingCalls       calls of producers on this connection waiting for their reply or their turn
 * @param reconnects         times the connection came back with its subscriptions after a drop
 * @param failovers          times it came back on another node of its brokerUrl list than the one it lost
 * @param undecodablePackets packets from the broker the client could not decode: each one closed the connection (MQTT
 *                           requires it), which then reconnected
 * @param lastFailure        why the connection last dropped or a subscription last failed, or {@code null}
 * @param lastFailureAt      when, or {@code null}
 */
public record ConnectionStatus(String id, String brokerUrl, String currentBroker, String clientId, boolean connected,
        boolean ready, boolean reconnectsByItself, int pendingCalls, long reconnects, long failovers,
        long undecodablePackets, String lastFailure, Instant lastFailureAt) {

    /** Ready for work: up, with every subscription in place. */
    public boolean isReady() {
        return ready;
    }

    /** Alive: ready, or able to become ready by itself (it reconnects by itself). */
    public boolean isLive() {
        return ready || reconnectsByItself;
    }

    /** The status as health-check details. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("broker.url", brokerUrl);
        details.put("broker.current", currentBroker);
        details.put("client.id", clientId);
        details.put("connected", connected);
        details.put("subscriptions.restored", ready);
        details.put("pending.calls", pendingCalls);
        details.put("reconnects", reconnects);
        details.put("failovers", failovers);
        details.put("undecodable.packets", undecodablePackets);
        if (lastFailure != null) {
            details.put("last.failure", lastFailure);
            details.put("last.failure.at", lastFailureAt.toString());
        }
        return details;
    }
}
