package io.camelrrpc.examples.main;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.examples.logging.RrpcCallLogger;
import org.apache.camel.main.Main;

/**
 * The YAML example ({@code camel-main/rrpc-routes.yaml}) with Camel Main, without Spring: starts an embedded MQTT
 * broker (port from the system property {@code rrpc.embedded-broker.port}, default 1883) and runs the routes
 * against it until stopped (Ctrl+C).
 */
public final class RrpcMainApplication {

    private RrpcMainApplication() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("rrpc.embedded-broker.port", 1883);
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(port).start()) {
            newMain(broker.getBrokerUrl()).run(args);
        }
    }

    /** A Camel Main, not started yet, that runs the YAML routes against this broker. */
    public static Main newMain(String brokerUrl) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:camel-main/application.properties");
        main.addOverrideProperty("camel.component.rrpc.broker-url", brokerUrl);
        main.bind("rrpcCallLogger", new RrpcCallLogger());
        return main;
    }
}
