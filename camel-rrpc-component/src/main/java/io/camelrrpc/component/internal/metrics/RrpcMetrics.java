package io.camelrrpc.component.internal.metrics;

import java.util.function.IntSupplier;

import io.camelrrpc.component.spi.RrpcObserver;
import org.apache.camel.CamelContext;

/**
 * Binds the rrpc meters to a Micrometer {@code MeterRegistry}: the bean {@value #REGISTRY_NAME} (camel-micrometer's
 * name), else the single (or, in Spring, the primary) MeterRegistry of the Camel registry. Micrometer is optional:
 * this class names none of its classes, so the component loads and runs without it.
 */
public final class RrpcMetrics {

    /** The name under which camel-micrometer looks up its registry. */
    public static final String REGISTRY_NAME = "metricsRegistry";
    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private RrpcMetrics() {
    }

    /**
     * @param  percentileHistogram whether the timers publish histogram buckets
     * @param  deviceTag           whether the timers are tagged with the device's name as well as its product
     * @param  pendingCalls        the component's pending calls now
     * @return                     an observer that records the meters (close it with {@link #unbind}), or
     *                             {@code null} without Micrometer or without a registry
     */
    public static RrpcObserver bind(CamelContext camelContext, boolean percentileHistogram, boolean deviceTag,
                                    IntSupplier pendingCalls) {
        if (!micrometerVisible()) {
            return null;
        }
        return MicrometerObserver.bind(camelContext, percentileHistogram, deviceTag, pendingCalls);
    }

    /**
     * Whether this component's own class loader sees Micrometer: the one that links {@link MicrometerObserver}. Camel's
     * class resolver may see it where the component cannot (OSGi with the optional import not wired).
     */
    private static boolean micrometerVisible() {
        try {
            Class.forName(METER_REGISTRY, false, RrpcMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Removes the meters of an observer that {@link #bind} made. */
    public static void unbind(RrpcObserver metrics) {
        ((MicrometerObserver) metrics).close();
    }
}
