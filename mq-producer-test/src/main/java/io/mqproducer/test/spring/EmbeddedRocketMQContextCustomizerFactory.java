package io.mqproducer.test.spring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Spring TestContext hook behind {@link EmbeddedRocketMQBroker}, registered in {@code META-INF/spring.factories}:
 * customizes the context of every test class that carries the annotation (directly, inherited, or on an enclosing
 * class of a {@code @Nested} one) and leaves other test classes alone.
 */
public final class EmbeddedRocketMQContextCustomizerFactory implements ContextCustomizerFactory {

    /** Creates the factory; Spring's test framework calls this. */
    public EmbeddedRocketMQContextCustomizerFactory() {
    }

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedRocketMQBroker annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedRocketMQBroker.class);
        return annotation == null ? null : new EmbeddedRocketMQContextCustomizer(BrokerSettings.of(annotation));
    }
}
