package io.camelrrpc.component.internal.mqtt;

/** The MQTT protocol version a connection speaks. */
public enum MqttProtocolVersion {

    V3_1_1("3.1.1"),
    V5("5");

    private final String text;

    MqttProtocolVersion(String text) {
        this.text = text;
    }

    /** As users write it: {@code 3.1.1} or {@code 5}. */
    @Override
    public String toString() {
        return text;
    }
}
