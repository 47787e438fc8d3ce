package io.mqproducer.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.mqproducer.Producer;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.MqProducerProperties;
import io.mqproducer.spring.micrometer.MicrometerSendListener;
import io.mqproducer.spring.micrometer.MicrometerSendObserver;
import io.mqproducer.spring.micrometer.ProducerInflightMeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Producer metrics when Micrometer and a {@link MeterRegistry} are present: the {@code mq.producer.send} timer and
 * {@code mq.producer.failures} counter (through the template's listener), the {@code mq.producer.retries} counter
 * (through the producer's observer) and the {@code mq.producer.inflight} gauge.
 */
@AutoConfiguration(after = {MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
        MqProducerAutoConfiguration.class})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = MqProducerProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean({MeterRegistry.class, Producer.class})
public final class MqProducerMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public MqProducerMetricsAutoConfiguration() {
    }

    /** Records template sends; picked up by the auto-configured template. */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerSendListener mqProducerSendListener(MeterRegistry registry) {
        return new MicrometerSendListener(registry);
    }

    /** Counts retries; picked up by the auto-configured producer. */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerSendObserver mqProducerSendObserver(MeterRegistry registry) {
        return new MicrometerSendObserver(registry);
    }

    /** The in-flight gauge, bound to every registry by Spring Boot. */
    @Bean
    @ConditionalOnMissingBean
    public ProducerInflightMeterBinder mqProducerInflightMeterBinder(Producer producer) {
        return new ProducerInflightMeterBinder(producer);
    }
}
