package io.camelrrpc.component.internal.mqtt;

/**
 * A SUBSCRIBE that got no answer because the connection was down, or dropped while it was in flight: it may succeed
 * once the client has reconnected. Its message and cause are those of the transport's failure.
 */
public final class ConnectionDownException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConnectionDownException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why the transport's client failed: the cause when there is one, else this. */
    Throwable clientFailure() {
        return getCause() != null ? getCause() : this;
    }
}
