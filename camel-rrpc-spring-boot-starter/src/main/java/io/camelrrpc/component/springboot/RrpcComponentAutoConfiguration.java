package io.camelrrpc.component.springboot;

import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Configures the rrpc component from {@code camel.component.rrpc.*}, in the shape of Camel's own starters:
 * switched off by {@code camel.component.rrpc.enabled=false} (or {@code camel.component.enabled=false}).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", RrpcComponentConfiguration.PREFIX })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, RrpcComponentConfiguration.class })
public class RrpcComponentAutoConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static RrpcBeanReferenceConverter rrpcBeanReferenceConverter(BeanFactory beanFactory) {
        return new RrpcBeanReferenceConverter(beanFactory);
    }

    @Lazy
    @Bean
    ComponentCustomizer configureRrpcComponent(Environment environment, RrpcComponentConfiguration configuration) {
        return new RrpcComponentCustomizer(environment, configuration);
    }
}
