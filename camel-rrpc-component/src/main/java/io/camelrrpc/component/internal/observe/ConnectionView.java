package io.camelrrpc.component.internal.observe;

/** What health checks, metrics and consoles may read of a broker connection, whatever MQTT client it uses. */
public interface ConnectionView {

    /** The broker's URL, without user information. */
    String brokerUrl();

    /** The broker of the {@link #brokerUrl()} list the connection is on now, or tries to reach. */
    String currentBroker();

    /** Times the connection came back on another broker of its list than the one it lost. */
    long failovers();

    /** The MQTT client id in use now. */
    String clientId();

    /** The MQTT protocol version it speaks: {@code 3.1.1} or {@code 5}. */
    String protocolVersion();

    /** Whether the broker connection is up. */
    boolean isConnected();

    /** Whether the connection is up and every subscription is in place (made again after a reconnect). */
    boolean isReady();

    /** Whether the client reconnects by itself after the connection drops (automaticReconnect). */
    boolean reconnectsByItself();

    /** Packets from the broker the client could not decode (see {@code MqttTransport#undecodablePackets()}). */
    long undecodablePackets();
}
