package io.camelrrpc.component;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Micrometer is optional: without it on the classpath the component starts, calls devices and reports health. */
class WithoutMicrometerIT {

    @Test
    void theComponentWorksWithoutMicrometer() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] withoutMicrometer = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer"))
                .map(WithoutMicrometerIT::url)
                .toArray(URL[]::new);
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().start();
             URLClassLoader loader = new URLClassLoader(withoutMicrometer, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread.currentThread().setContextClassLoader(loader);
            Object result = loader.loadClass(Calls.class.getName()).getMethod("callOnce", String.class)
                    .invoke(null, broker.getBrokerUrl());
            assertThat(result).isEqualTo("ok, healthy");
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    private static URL url(String path) {
        try {
            return new File(path).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /** Runs in the class loader without Micrometer. */
    public static final class Calls {

        private Calls() {
        }

        /** Starts a context with a device route, calls it once and reads the rrpc health check. */
        public static String callOnce(String brokerUrl) throws Exception {
            CamelContext context = new DefaultCamelContext();
            try {
                context.getComponent("rrpc", RrpcComponent.class).getConfiguration().setBrokerUrl(brokerUrl);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("rrpc:P/D").setBody(constant("ok"));
                    }
                });
                context.start();
                String reply = context.createProducerTemplate().requestBody("rrpc:P/D", "hi", String.class);
                boolean healthy = HealthCheckHelper.invokeReadiness(context).stream()
                        .allMatch(result -> result.getState() == org.apache.camel.health.HealthCheck.State.UP);
                return reply + (healthy ? ", healthy" : ", unhealthy");
            } finally {
                context.stop();
            }
        }
    }
}
