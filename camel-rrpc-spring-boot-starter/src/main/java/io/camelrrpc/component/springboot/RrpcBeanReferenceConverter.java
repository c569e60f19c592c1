package io.camelrrpc.component.springboot;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns {@code #name} or {@code #bean:name} into the Spring bean of that name, for the options of
 * {@link RrpcComponentConfiguration} whose type is a bean (e.g. {@code process-id-generator=#myGenerator}).
 */
class RrpcBeanReferenceConverter implements GenericConverter {

    private static final Set<ConvertiblePair> BEAN_TYPES = beanTypedOptions();

    private final BeanFactory beanFactory;

    RrpcBeanReferenceConverter(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    private static Set<ConvertiblePair> beanTypedOptions() {
        return Arrays.stream(BeanUtils.getPropertyDescriptors(RrpcComponentConfiguration.class))
                .filter(property -> property.getWriteMethod() != null
                                    && property.getWriteMethod().getDeclaringClass() == RrpcComponentConfiguration.class)
                .map(PropertyDescriptor::getPropertyType)
                .filter(type -> !BeanUtils.isSimpleProperty(type) && type != Duration.class)
                .map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_TYPES;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException(
                    "Expected a bean reference such as #myBean for " + targetType.getType().getName() + ", got '"
                                               + reference + "'");
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return beanFactory.getBean(name, targetType.getType());
    }
}
