package io.camelrrpc.component.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code rrpc} health indicator when Spring Boot Actuator is on the classpath; switched off by
 * {@code management.health.rrpc.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(CamelContext.class)
@ConditionalOnEnabledHealthIndicator("rrpc")
public class RrpcHealthIndicatorAutoConfiguration {

    @Bean
    RrpcHealthIndicator rrpcHealthIndicator(CamelContext camelContext) {
        return new RrpcHealthIndicator(camelContext);
    }
}
