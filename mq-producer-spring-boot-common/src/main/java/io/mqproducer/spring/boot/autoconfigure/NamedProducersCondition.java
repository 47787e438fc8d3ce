package io.mqproducer.spring.boot.autoconfigure;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when at least one producer is configured under {@code mq.producer.producers.<name>.*}. */
final class NamedProducersCondition extends SpringBootCondition {
    static final String PRODUCERS = MqProducerProperties.PREFIX + ".producers";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Set<String> names = names(context.getEnvironment());
        return names.isEmpty() ? ConditionOutcome.noMatch("no " + PRODUCERS + ".<name> is configured")
                : ConditionOutcome.match(PRODUCERS + " names " + names);
    }

    /** The configured names, in declaration order; empty when there are none. */
    static Set<String> names(Environment environment) {
        return Binder.get(environment)
                .bind(PRODUCERS, Bindable.mapOf(String.class, NamedProducerProperties.class))
                .map(Map::keySet)
                .orElse(Set.of());
    }
}
