package io.camelrrpc.component.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.camelrrpc.component.RrpcComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

/**
 * Copies the {@code camel.component.rrpc.*} options that the application sets onto the rrpc component. Options it
 * does not set are left alone, so the component keeps its own defaults and a {@code configuration} bean keeps its
 * values; {@code configuration} itself is applied first, the other options on top of it.
 */
class RrpcComponentCustomizer implements ComponentCustomizer {

    private static final String CONFIGURATION = "configuration";
    /** Properties of the auto-configuration, not of the component. */
    private static final Set<String> OWN_PROPERTIES = Set.of("enabled", "customizer");

    private final Environment environment;
    private final RrpcComponentConfiguration configuration;

    RrpcComponentCustomizer(Environment environment, RrpcComponentConfiguration configuration) {
        this.environment = environment;
        this.configuration = configuration;
    }

    @Override
    public void configure(String name, Component target) {
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Object> bound = CamelPropertiesHelper.getNonNullProperties(target.getCamelContext(), configuration);
        if (bound.containsKey(CONFIGURATION) && isSet(CONFIGURATION)) {
            options.put(CONFIGURATION, bound.remove(CONFIGURATION));
        }
        bound.forEach((option, value) -> {
            if (!OWN_PROPERTIES.contains(option) && isSet(option)) {
                options.put(option, value);
            }
        });
        CamelPropertiesHelper.setCamelProperties(target.getCamelContext(), target, options, true);
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof RrpcComponent
               && HierarchicalPropertiesEvaluator.evaluate(environment, "camel.component.customizer",
                       RrpcComponentConfiguration.PREFIX + ".customizer");
    }

    /** Whether the environment sets this option, or properties nested in it. */
    private boolean isSet(String option) {
        ConfigurationPropertyName key = ConfigurationPropertyName.of(
                RrpcComponentConfiguration.PREFIX + "." + StringHelper.camelCaseToDash(option));
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(key) != null
                || source.containsDescendantOf(key) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }
}
