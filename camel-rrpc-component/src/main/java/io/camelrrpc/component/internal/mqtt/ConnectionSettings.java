package io.camelrrpc.component.internal.mqtt;

import io.camelrrpc.component.Transport;
import io.camelrrpc.component.credentials.DeviceCredentials;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * What identifies one broker connection. Endpoints whose settings are equal share a single connection.
 *
 * @param brokerUrl            {@code tcp://host:port} or {@code ssl://host:port}; with HiveMQ also {@code ws://} and
 *                             {@code wss://host:port/path}
 * @param clientId             MQTT client id, or {@code null} to generate one
 * @param userName             user name, or {@code null}
 * @param password             password, or {@code null}
 * @param cleanSession         MQTT clean session flag
 * @param keepAliveInterval    keep-alive in seconds
 * @param connectionTimeout    connect timeout in seconds
 * @param automaticReconnect   whether the client reconnects by itself after the connection drops
 * @param maxReconnectDelay    longest wait between reconnect attempts in milliseconds
 * @param maxInflight          most publishes handed to the client at once
 * @param tcpNoDelay           whether sockets disable Nagle's algorithm
 * @param sslContextParameters TLS settings for {@code ssl://} brokers, or {@code null}
 * @param client               a client supplied by the user, or {@code null} to create one
 * @param credentials          signs client id, user name and password for every connect (then clientId, userName and
 *                             password are {@code null}), or {@code null}
 * @param transport            the MQTT client library
 * @param protocolVersion      the MQTT version spoken ({@link MqttProtocolVersion#V5} only on {@link Transport#HiveMQ})
 * @param maxPayloadSize       on MQTT 5, the largest payload the broker may send on this connection (the CONNECT's
 *                             Maximum Packet Size allows it plus headroom for headers), so endpoints share a connection
 *                             only with equal limits; {@link #ANY_PAYLOAD} where the broker cannot be told (MQTT 3.1.1)
 */
public record ConnectionSettings(
        String brokerUrl, String clientId, String userName, String password, boolean cleanSession,
        int keepAliveInterval, int connectionTimeout, boolean automaticReconnect, int maxReconnectDelay,
        int maxInflight, boolean tcpNoDelay, SSLContextParameters sslContextParameters, MqttAsyncClient client,
        DeviceCredentials credentials, Transport transport, MqttProtocolVersion protocolVersion, int maxPayloadSize) {

    /** {@link #maxPayloadSize} of a connection that does not tell the broker a limit. */
    public static final int ANY_PAYLOAD = -1;

    /** These settings on another transport and protocol version. */
    public ConnectionSettings with(Transport otherTransport, MqttProtocolVersion otherVersion) {
        return new ConnectionSettings(brokerUrl, clientId, userName, password, cleanSession, keepAliveInterval,
                connectionTimeout, automaticReconnect, maxReconnectDelay, maxInflight, tcpNoDelay, sslContextParameters,
                client, credentials, otherTransport, otherVersion, maxPayloadSize);
    }

    /** Names the broker for logs and errors; never the credentials (user name and password are secrets). */
    public String describe() {
        return brokerUrl;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + ", " + transport + " MQTT " + protocolVersion + ", clientId=" + clientId
               + (credentials == null ? "" : ", " + credentials) + "]";
    }
}
