package io.mqproducer.spring.boot.autoconfigure.health;

import io.mqproducer.Producer;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.MqProducerProperties;
import io.mqproducer.spring.boot.autoconfigure.MqProducerPropertyException;
import io.mqproducer.spring.health.MqProducerHealthIndicator;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code mqProducer} health indicator when Spring Boot's health support is present; switched off with
 * {@code management.health.mqProducer.enabled=false}.
 */
@AutoConfiguration(after = MqProducerAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty(name = MqProducerProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean(Producer.class)
@EnableConfigurationProperties(MqProducerProperties.class)
public final class MqProducerHealthAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public MqProducerHealthAutoConfiguration() {
    }

    /**
     * The indicator itself. Nested because the condition below lives in spring-boot-health: it may only be read once
     * the class check above has passed, or an application without health support would fail to start.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("mqProducer")
    static final class IndicatorConfiguration {

        /** The indicator; Spring Boot drops the {@code HealthIndicator} suffix, so it shows as {@code mqProducer}. */
        @Bean
        @ConditionalOnMissingBean(name = "mqProducerHealthIndicator")
        MqProducerHealthIndicator mqProducerHealthIndicator(Producer producer, MqProducerProperties properties) {
            Duration timeout = properties.getHealth().getTimeout();
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new MqProducerPropertyException(MqProducerProperties.PREFIX + ".health.timeout",
                        String.valueOf(timeout), "must be a positive duration", null);
            }
            return new MqProducerHealthIndicator(producer, timeout);
        }
    }
}
