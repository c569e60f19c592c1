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
import org.apache.camel.impl.engine.DefaultClassResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is optional: without it on the classpath the component starts, calls devices and reports health. That
 * holds too when Camel's class resolver sees Micrometer but the component's class loader does not, as in OSGi when the
 * rrpc bundle's optional Micrometer import is not wired.
 */
class WithoutMicrometerIT {

    @ParameterizedTest(name = "Camel sees Micrometer: {0}")
    @ValueSource(booleans = { false, true })
    void theComponentWorksWithoutMicrometer(boolean camelSeesMicrometer) throws Exception {
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
            Object result = loader.loadClass(Calls.class.getName()).getMethod("callOnce", String.class, ClassLoader.class)
                    .invoke(null, broker.getBrokerUrl(), camelSeesMicrometer ? original : null);
            assertThat(result).isEqualTo("ok, healthy");
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    /** Camel's class resolver, which also finds Micrometer's classes in another class loader. */
    private static final class MicrometerVisible extends DefaultClassResolver {

        private final ClassLoader micrometerLoader;

        MicrometerVisible(CamelContext context, ClassLoader micrometerLoader) {
            super(context);
            this.micrometerLoader = micrometerLoader;
        }

        @Override
        public Class<?> resolveClass(String name) {
            if (!name.startsWith("io.micrometer.")) {
                return super.resolveClass(name);
            }
            try {
                return Class.forName(name, false, micrometerLoader);
            } catch (ClassNotFoundException e) {
                return null;
            }
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

        /**
         * Starts a context with a device route, calls it once and reads the rrpc health check.
         *
         * @param micrometerLoader where Camel's class resolver finds Micrometer classes, or {@code null}: nowhere
         */
        public static String callOnce(String brokerUrl, ClassLoader micrometerLoader) throws Exception {
            CamelContext context = new DefaultCamelContext();
            if (micrometerLoader != null) {
                context.setClassResolver(new MicrometerVisible(context, micrometerLoader));
            }
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
