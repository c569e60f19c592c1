package io.camelrrpc.component.internal.observe;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;

/** Has broker connections to show: every rrpc component. */
public interface ConnectionMonitors {

    /** The broker connections in use now. */
    List<ConnectionMonitor> getConnectionMonitors();

    /** The broker connections of every such component of the CamelContext. */
    static Stream<ConnectionMonitor> of(CamelContext camelContext) {
        return camelContext.getComponentNames().stream()
                .map(camelContext::hasComponent)
                .filter(Objects::nonNull)
                .filter(ConnectionMonitors.class::isInstance)
                .flatMap(component -> ((ConnectionMonitors) component).getConnectionMonitors().stream());
    }
}
