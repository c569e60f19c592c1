package io.camelrrpc.component;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Runs the test class on both transports: surefire's default execution runs it on Paho, and the execution
 * {@code hivemq-transport} of this module's pom runs the classes tagged so once more on HiveMQ, their reports named
 * with the suffix {@code HiveMQ}. The class takes its transport from {@link TransportUnderTest#transport()}.
 * (JUnit's {@code @ParameterizedClass} would say the same, but surefire 3.5 counts none of its tests.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("both-transports")
@interface OnBothTransports {
}
