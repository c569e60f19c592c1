package io.camelrrpc.component;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Random;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing machine- or run-specific is made when the component's classes load or when the component is constructed,
 * only when it starts: a native image (Quarkus, GraalVM) may run class initialisers and constructors at build time
 * and would then ship one node prefix to every process started from it.
 */
class RunSpecificStateTest {

    /** Types whose static instances would carry build-time state into a native image. */
    private static final List<Class<?>> RUN_SPECIFIC_TYPES = List.of(
            Random.class, RandomGenerator.class, ExecutorService.class, Timer.class, Thread.class, ThreadLocal.class);

    @Test
    void processIdNodePrefixIsMadeAtStartNotAtConstruction() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            RrpcComponent component = new RrpcComponent();
            component.setCamelContext(context);

            assertThat(component.nodePrefix()).as("node prefix before start").isNull();
            assertThatThrownBy(() -> component.defaultProcessIdGenerator().nextId())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not started");

            component.start();
            String prefix = component.nodePrefix();
            assertThat(prefix).hasSize(6);
            assertThat(component.defaultProcessIdGenerator().nextId()).hasSize(16).startsWith(prefix);
        }
    }

    @Test
    void twoComponentsStartedInOneJvmHaveDifferentPrefixes() throws Exception {
        try (CamelContext first = new DefaultCamelContext(); CamelContext second = new DefaultCamelContext()) {
            first.start();
            second.start();
            String a = first.getComponent("rrpc", RrpcComponent.class).nodePrefix();
            String b = second.getComponent("rrpc", RrpcComponent.class).nodePrefix();
            assertThat(a).isNotNull().isNotEqualTo(b);
        }
    }

    @Test
    void noClassOfTheComponentHoldsRunSpecificStaticState() {
        List<String> offenders = CompiledClasses.names().stream()
                .map(CompiledClasses::load)
                .flatMap(type -> Stream.of(type.getDeclaredFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .filter(field -> RUN_SPECIFIC_TYPES.stream().anyMatch(t -> t.isAssignableFrom(field.getType())))
                .map(RunSpecificStateTest::describe)
                .toList();
        assertThat(offenders).as("static fields holding random, thread or pool state").isEmpty();
    }

    private static String describe(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName() + " (" + field.getType().getName() + ")";
    }
}
