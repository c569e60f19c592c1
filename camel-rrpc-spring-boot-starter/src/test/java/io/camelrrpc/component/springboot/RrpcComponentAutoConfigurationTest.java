package io.camelrrpc.component.springboot;

import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.RrpcConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Switching the auto-configuration on and off, and how the options combine with a configuration bean. */
class RrpcComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, RrpcComponentAutoConfiguration.class,
                    RrpcHealthIndicatorAutoConfiguration.class))
            .withPropertyValues("camel.component.rrpc.request-timeout=1s");

    @Test
    void enabledByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ComponentCustomizer.class).hasSingleBean(RrpcHealthIndicator.class);
            assertThat(rrpc(context).getRequestTimeout()).isEqualTo(1000);
        });
    }

    @Test
    void enabledFalseSwitchesItOff() {
        runner.withPropertyValues("camel.component.rrpc.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ComponentCustomizer.class)
                    .doesNotHaveBean(RrpcComponentConfiguration.class);
            assertThat(rrpc(context).getRequestTimeout()).isEqualTo(4000);
        });
    }

    @Test
    void allComponentsSwitchedOffSwitchesItOff() {
        runner.withPropertyValues("camel.component.enabled=false")
                .run(context -> assertThat(rrpc(context).getRequestTimeout()).isEqualTo(4000));
    }

    @Test
    void optionsApplyOnTopOfAConfigurationBean() {
        RrpcConfiguration shared = new RrpcConfiguration();
        shared.setBrokerUrl("tcp://shared.example:1883");
        runner.withBean("sharedRrpcConfiguration", RrpcConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.rrpc.configuration=#sharedRrpcConfiguration",
                        "camel.component.rrpc.qos=1")
                .run(context -> {
                    RrpcConfiguration configuration = rrpc(context);
                    assertThat(configuration).isSameAs(shared);
                    assertThat(configuration.getBrokerUrl()).as("not reset to the default")
                            .isEqualTo("tcp://shared.example:1883");
                    assertThat(configuration.getQos()).isEqualTo(1);
                    assertThat(configuration.getRequestTimeout()).isEqualTo(1000);
                });
    }

    @Test
    void noHealthIndicatorWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(RrpcHealthIndicator.class));
    }

    private static RrpcConfiguration rrpc(AssertableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("rrpc", RrpcComponent.class).getConfiguration();
    }
}
