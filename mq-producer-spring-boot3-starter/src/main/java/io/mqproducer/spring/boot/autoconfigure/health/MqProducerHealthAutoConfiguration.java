package io.mqproducer.spring.boot.autoconfigure.health;

import io.mqproducer.Producer;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.MqProducerProperties;
import io.mqproducer.spring.boot.autoconfigure.NamedMqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.NamedProducers;
import io.mqproducer.spring.boot.autoconfigure.OnAnyProducerCondition;
import io.mqproducer.spring.boot.autoconfigure.ProducerHealthChecks;
import io.mqproducer.spring.health.MqProducerHealthIndicator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code mqProducer} health contributor when Spring Boot 3's actuator is present: one
 * {@link MqProducerHealthIndicator} per producer (the default one and each named one), composed under
 * {@code mqProducer} by producer name when there are several. Switched off with
 * {@code management.health.mqProducer.enabled=false}.
 */
@AutoConfiguration(after = {MqProducerAutoConfiguration.class, NamedMqProducerAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty(name = MqProducerProperties.PREFIX + ".enabled", matchIfMissing = true)
@Conditional(OnAnyProducerCondition.class)
@EnableConfigurationProperties(MqProducerProperties.class)
public final class MqProducerHealthAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public MqProducerHealthAutoConfiguration() {
    }

    /**
     * The contributor itself. Nested because the condition below lives in spring-boot-actuator-autoconfigure: it may
     * only be read once the class check above has passed.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("mqProducer")
    static final class ContributorConfiguration {

        /**
         * The indicator of the only producer, or a composite of one indicator per producer name; Spring Boot drops
         * the {@code HealthContributor} suffix, so it shows as {@code mqProducer}.
         */
        @Bean
        @ConditionalOnMissingBean(name = "mqProducerHealthContributor")
        HealthContributor mqProducerHealthContributor(ObjectProvider<Producer> producer,
                ObjectProvider<NamedProducers> named, MqProducerProperties properties) {
            Map<String, HealthContributor> indicators = new LinkedHashMap<>();
            ProducerHealthChecks.byName(producer, named, properties).forEach((name, check) ->
                    indicators.put(name, new MqProducerHealthIndicator(check)));
            return indicators.size() == 1 ? indicators.values().iterator().next()
                    : CompositeHealthContributor.fromMap(indicators);
        }
    }
}
