package io.mqproducer.spring.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the template's send observations. Define a bean of this type to replace
 * {@link DefaultMqProducerObservationConvention} (for example extending it to add key values).
 */
public interface MqProducerObservationConvention extends ObservationConvention<MqProducerSenderContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof MqProducerSenderContext;
    }

    @Override
    default String getName() {
        return MqProducerObservationDocumentation.TEMPLATE_OBSERVATION.getName();
    }
}
