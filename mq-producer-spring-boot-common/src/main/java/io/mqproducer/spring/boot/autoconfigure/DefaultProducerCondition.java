package io.mqproducer.spring.boot.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether to create the default (unnamed) producer: always when no named producers are configured, so that a missing
 * {@code mq.producer.name-server} still fails start-up; with named producers only when the top level has a name
 * server of its own (the property, or an application {@link MqProducerConnectionDetails} bean).
 */
final class DefaultProducerCondition extends SpringBootCondition {
    private static final String AUTO_CONFIGURED_DETAILS = "mqProducerConnectionDetails";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (NamedProducersCondition.names(context.getEnvironment()).isEmpty()) {
            return ConditionOutcome.match("no named producers");
        }
        if (StringUtils.hasText(context.getEnvironment().getProperty(MqProducerProperties.PREFIX + ".name-server"))) {
            return ConditionOutcome.match(MqProducerProperties.PREFIX + ".name-server is set");
        }
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        if (beanFactory != null) {
            for (String name : beanFactory.getBeanNamesForType(MqProducerConnectionDetails.class, true, false)) {
                if (!AUTO_CONFIGURED_DETAILS.equals(name)) {
                    return ConditionOutcome.match("connection details bean '" + name + "'");
                }
            }
        }
        return ConditionOutcome.noMatch("named producers only: " + MqProducerProperties.PREFIX
                + ".name-server is not set and there is no application connection details bean");
    }
}
