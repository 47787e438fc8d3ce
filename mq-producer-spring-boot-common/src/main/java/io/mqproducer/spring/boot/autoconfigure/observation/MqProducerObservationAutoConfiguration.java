package io.mqproducer.spring.boot.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import io.mqproducer.spring.SendObservation;
import io.mqproducer.spring.micrometer.MicrometerSendObservation;
import io.mqproducer.spring.micrometer.MqProducerObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Observes every {@link io.mqproducer.spring.ProducerTemplate} send (single, batch, transactional) with Micrometer
 * (and, with a tracer bridge, carries the trace context in message properties). Opt-in with {@code mq.producer.observation-enabled=true}, as
 * Spring Kafka and Spring AMQP do.
 */
// After the observation registry of either Boot line, by name: only one of the two exists in an application.
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnProperty(prefix = "mq.producer", name = "observation-enabled", havingValue = "true")
public final class MqProducerObservationAutoConfiguration {

    /**
     * The observation the template runs each send in (single, batch and transactional), named by the
     * {@link MqProducerObservationConvention} bean if there is one.
     */
    @Bean
    @ConditionalOnBean(ObservationRegistry.class)
    @ConditionalOnMissingBean(SendObservation.class)
    SendObservation mqProducerSendObservation(ObservationRegistry registry,
            ObjectProvider<MqProducerObservationConvention> convention) {
        return new MicrometerSendObservation(registry, convention.getIfUnique());
    }
}
