package io.camelrrpc.component.spi;

/**
 * A broker connection of the component, as observers, health checks and consoles see it: read-only and without
 * credentials. The same object from the connection's opening to its closing.
 */
public interface RrpcConnection {

    /** Names the connection: {@code clientId@brokerUrl}, with the client id it had when it opened. */
    String id();

    /** The broker's URL, without user information. */
    String brokerUrl();

    /**
     * The broker it is on now, or tries to reach while down: with a {@code brokerUrl} list of the nodes of a cluster,
     * one of them (e.g. {@code tcp://node2:1883}); else the {@link #brokerUrl()}.
     */
    String currentBroker();

    /** Times the connection came back on another node of its {@code brokerUrl} list than the one it lost. */
    long failovers();

    /** The MQTT client id it had when it opened. */
    String clientId();

    /** The MQTT protocol version it speaks, as the {@code protocolVersion} option is written: {@code 3.1.1} or {@code 5}. */
    String protocolVersion();

    /** Whether the connection is up now. */
    boolean isConnected();

    /** Times the connection came back with every subscription after a drop. */
    long reconnects();

    /** Packets from the broker the MQTT client could not decode (each closed the connection, which then reconnects). */
    long undecodablePackets();

    /** The connection's whole state now. */
    ConnectionStatus status();
}
