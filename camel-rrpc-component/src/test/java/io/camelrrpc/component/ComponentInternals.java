package io.camelrrpc.component;

import java.util.List;

import io.camelrrpc.component.internal.mqtt.MqttTransport;

/** Opens a component's package-private internals to the tests of the internal packages. */
public final class ComponentInternals {

    private ComponentInternals() {
    }

    /** The broker connections the component uses now. */
    public static List<MqttTransport> transports(RrpcComponent component) {
        return component.transports();
    }
}
