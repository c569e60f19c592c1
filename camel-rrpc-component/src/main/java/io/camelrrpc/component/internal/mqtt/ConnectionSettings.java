package io.camelrrpc.component.internal.mqtt;

import io.camelrrpc.component.credentials.DeviceCredentials;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What identifies one broker connection. Endpoints whose settings are equal share a single connection.
 *
 * @param brokerUrl            {@code tcp://host:port}, {@code ssl://host:port}, {@code ws://} or
 *                             {@code wss://host:port/path}
 * @param clientId             MQTT client id, or {@code null} to generate one
 * @param userName             user name, or {@code null}
 * @param password             password, or {@code null}
 * @param cleanSession         MQTT clean session flag
 * @param keepAliveInterval    keep-alive in seconds
 * @param connectionTimeout    connect timeout in seconds
 * @param automaticReconnect   whether the client reconnects by itself after the connection drops
 * @param maxReconnectDelay    longest wait between reconnect attempts in milliseconds
 * @param sslContextParameters TLS settings for {@code ssl://} brokers, or {@code null}
 * @param credentials          signs client id, user name and password for every connect (then clientId, userName and
 *                             password are {@code null}), or {@code null}
 * @param protocolVersion      the MQTT version spoken
 * @param maxPayloadSize       on MQTT 5, the largest payload the broker may send on this connection (the CONNECT's
 *                             Maximum Packet Size allows it plus headroom for headers), so endpoints share a connection
 *                             only with equal limits; {@link #ANY_PAYLOAD} where the broker cannot be told (MQTT 3.1.1)
 */
public record ConnectionSettings(
        String brokerUrl, String clientId, String userName, String password, boolean cleanSession,
        int keepAliveInterval, int connectionTimeout, boolean automaticReconnect, int maxReconnectDelay,
        SSLContextParameters sslContextParameters, DeviceCredentials credentials, MqttProtocolVersion protocolVersion,
        int maxPayloadSize) {

    /** {@link #maxPayloadSize} of a connection that does not tell the broker a limit. */
    public static final int ANY_PAYLOAD = -1;

    /** These settings with another protocol version. */
    public ConnectionSettings with(MqttProtocolVersion otherVersion) {
        return new ConnectionSettings(brokerUrl, clientId, userName, password, cleanSession, keepAliveInterval,
                connectionTimeout, automaticReconnect, maxReconnectDelay, sslContextParameters, credentials, otherVersion,
                maxPayloadSize);
    }

    /** Names the broker for logs and errors; never the credentials (user name and password are secrets). */
    public String describe() {
        return brokerUrl;
    }

    /** The options to check when the broker refuses the login of a connection with these settings. */
    public String loginOptions() {
        return credentials == null
                ? "userName/password"
                : "deviceSecret and the device's product and name; signed as " + credentials;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + ", MQTT " + protocolVersion + ", clientId=" + clientId
               + (credentials == null ? "" : ", " + credentials) + "]";
    }
}
