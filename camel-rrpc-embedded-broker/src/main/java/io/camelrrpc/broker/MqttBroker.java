package io.camelrrpc.broker;

/** A real MQTT broker that can be stopped and started again on the same port. */
public interface MqttBroker extends AutoCloseable {

    /** Starts the broker and waits until it accepts clients. */
    MqttBroker start();

    /** Stops the broker; its clients lose their connection. */
    void stop();

    /** {@code tcp://host:port} of the plain listener. */
    String getBrokerUrl();

    /** Stops the broker and frees what it used. */
    @Override
    void close();
}
