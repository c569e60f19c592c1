package io.camelrrpc.component.internal.observe;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;

/** The components of one type a CamelContext has made, for health checks and consoles. */
public final class ContextComponents {

    private ContextComponents() {
    }

    /** Every component of this type the CamelContext has made, by name. */
    public static <C extends Component> Map<String, C> of(CamelContext camelContext, Class<C> type) {
        Map<String, C> components = new TreeMap<>();
        for (String name : camelContext.getComponentNames()) {
            Component component = camelContext.hasComponent(name);
            if (type.isInstance(component)) {
                components.put(name, type.cast(component));
            }
        }
        return components;
    }
}
