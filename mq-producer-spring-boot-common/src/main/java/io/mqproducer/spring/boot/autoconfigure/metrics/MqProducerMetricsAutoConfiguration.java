package io.mqproducer.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.MqProducerProperties;
import io.mqproducer.spring.boot.autoconfigure.ProducerSendObserverFactory;
import io.mqproducer.spring.micrometer.MicrometerProducerObserver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Producer metrics when Micrometer and a {@link MeterRegistry} are present: a {@link MicrometerProducerObserver} in
 * every producer the starter creates (the default one and each named one, tag {@code producer}), so that every send
 * is measured, through a template or on the {@code Producer} directly.
 */
// After the meter registry of either Boot line (Boot 4 moved it to spring-boot-micrometer-metrics); by name, because
// only one of the two exists in an application.
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = MqProducerProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(MqProducerProperties.class)
public final class MqProducerMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public MqProducerMetricsAutoConfiguration() {
    }

    /** One meter-recording observer per producer, asked for by the producer auto-configurations. */
    @Bean
    @ConditionalOnMissingBean(name = "mqProducerMetricsObserverFactory")
    public ProducerSendObserverFactory mqProducerMetricsObserverFactory(MeterRegistry registry,
            MqProducerProperties properties) {
        boolean topicTag = properties.getMetrics().isTopicTag();
        return (name, producer) -> new MicrometerProducerObserver(registry, name, topicTag, producer);
    }
}
