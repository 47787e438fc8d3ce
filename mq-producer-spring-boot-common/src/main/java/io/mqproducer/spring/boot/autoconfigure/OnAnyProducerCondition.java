package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Producer;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;

/**
 * Matches when the context has a {@link Producer} bean or {@link NamedProducers}: something for health, metrics and
 * the endpoint to report on. Use in auto-configurations ordered after the producer auto-configurations.
 */
public final class OnAnyProducerCondition extends AnyNestedCondition {

    /** Creates the condition; Spring calls this. */
    public OnAnyProducerCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(Producer.class)
    static final class DefaultProducer {
    }

    @ConditionalOnBean(NamedProducers.class)
    static final class Named {
    }
}
