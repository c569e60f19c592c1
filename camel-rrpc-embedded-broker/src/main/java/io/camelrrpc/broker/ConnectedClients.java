package io.camelrrpc.broker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;

/**
 * The clients whose connection Moquette has completed. Moquette 0.17 marks a connection connected only after the
 * CONNACK's write completed, on its session loop; a packet that arrives before that (a client may send it as soon as
 * it reads the CONNACK) finds the connection "already closed", and Moquette drops the client. Moquette tells its
 * interceptors of a connection after it marked it connected, so waiting here for a client closes that window.
 */
final class ConnectedClients extends AbstractInterceptHandler {

    private final Map<String, CompletableFuture<Void>> clients = new ConcurrentHashMap<>();

    @Override
    public String getID() {
        return "rrpc-connected-clients";
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] { InterceptConnectMessage.class, InterceptDisconnectMessage.class,
                                InterceptConnectionLostMessage.class };
    }

    @Override
    public void onConnect(InterceptConnectMessage message) {
        future(message.getClientID()).complete(null);
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage message) {
        clients.remove(message.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage message) {
        clients.remove(message.getClientID());
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // Moquette logs these itself
    }

    /** Waits until Moquette has completed the connection of this client. */
    void await(String clientId, Duration timeout) throws InterruptedException, TimeoutException {
        try {
            future(clientId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private CompletableFuture<Void> future(String clientId) {
        return clients.computeIfAbsent(clientId, id -> new CompletableFuture<>());
    }
}
