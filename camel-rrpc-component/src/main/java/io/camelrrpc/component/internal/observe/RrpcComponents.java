package io.camelrrpc.component.internal.observe;

import java.util.Map;
import java.util.TreeMap;

import io.camelrrpc.component.RrpcComponent;
import org.apache.camel.CamelContext;

/** The rrpc components of a CamelContext, for health checks and consoles. */
public final class RrpcComponents {

    private RrpcComponents() {
    }

    /** Every rrpc component the CamelContext has made, by name. */
    public static Map<String, RrpcComponent> of(CamelContext camelContext) {
        Map<String, RrpcComponent> components = new TreeMap<>();
        for (String name : camelContext.getComponentNames()) {
            if (camelContext.hasComponent(name) instanceof RrpcComponent component) {
                components.put(name, component);
            }
        }
        return components;
    }
}
