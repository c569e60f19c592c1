package io.camelrrpc.component;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import org.apache.camel.RuntimeCamelException;

/**
 * Connections of one component that cannot both exist, although their settings differ: the same client id on the same
 * broker (the broker would keep disconnecting one for the other). Endpoints with equal settings share one connection.
 */
final class ConnectionConflicts {

    private ConnectionConflicts() {
    }

    /**
     * @throws IllegalArgumentException naming both endpoints, the options in which they differ (never their values)
     *                                  and what to do
     */
    static void check(ConnectionSettings existing, String existingEndpoint, ConnectionSettings wanted,
                      String wantedEndpoint) {
        String endpoints = "Endpoints '" + existingEndpoint + "' and '" + wantedEndpoint + "'";
        String clientId = wanted.clientId();
        if (clientId != null && clientId.equals(existing.clientId()) && wanted.brokerUrl().equals(existing.brokerUrl())) {
            throw new IllegalArgumentException(endpoints + " use clientId '" + clientId + "' on " + wanted.brokerUrl()
                                               + " but differ in " + differences(existing, wanted) + ": they would open two connections with one"
                                               + " client id, and the broker would keep disconnecting one for the other. Give them the same"
                                               + " connection options, or different client ids."
                                               + (existing.maxPayloadSize() != wanted.maxPayloadSize()
                                                       ? " With MQTT 5, maxPayloadSize is a connection option: the"
                                                         + " connection tells the broker the largest packet (its Maximum"
                                                         + " Packet Size) it may send."
                                                       : ""));
        }
    }

    /** The names of the settings whose values differ, e.g. {@code keepAliveInterval, password}. */
    static String differences(ConnectionSettings a, ConnectionSettings b) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : ConnectionSettings.class.getRecordComponents()) {
            if (!Objects.equals(value(component, a), value(component, b))) {
                names.add(component.getName());
            }
        }
        return String.join(", ", names);
    }

    private static Object value(RecordComponent component, ConnectionSettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
