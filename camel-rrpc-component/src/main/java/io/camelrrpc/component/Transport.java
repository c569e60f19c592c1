package io.camelrrpc.component;

/** The MQTT client library a broker connection runs on. */
public enum Transport {
    /** HiveMQ MQTT Client (Netty): MQTT 3.1.1 and 5, over tcp://, ssl://, ws:// and wss://. */
    HiveMQ,
    /** Eclipse Paho 1.2.5: MQTT 3.1.1 over tcp:// and ssl://; the only one that takes a client bean. */
    Paho
}
