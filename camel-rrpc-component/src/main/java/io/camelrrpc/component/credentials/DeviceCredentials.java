package io.camelrrpc.component.credentials;

/**
 * Signs the MQTT login of one device, afresh for each connect attempt, as a cloud's device SDK does (signatures
 * carry a timestamp or an expiry, so a login must not be reused for a reconnect). Transport-neutral: any MQTT client
 * calls {@link #nextLogin()} right before each CONNECT.
 * <p>
 * Implementations must be thread-safe and must not throw. Endpoints share a broker connection only when their
 * credentials are {@linkplain Object#equals(Object) equal}, so an implementation that signs for one device should
 * compare by device and secret. {@link Object#toString()} must never show the secret.
 */
public interface DeviceCredentials {

    /** A new client id, user name and password for the next CONNECT. */
    MqttLogin nextLogin();
}
