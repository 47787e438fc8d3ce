package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.ProducerOptions;

/**
 * Tweaks the auto-configured producer's options beyond what {@code mq.producer.*} offers. Every bean of this type is
 * applied, in {@link org.springframework.core.Ordered} order, after the properties and before the options are
 * validated.
 */
@FunctionalInterface
public interface ProducerOptionsCustomizer {

    /** Changes {@code builder} as needed. */
    void customize(ProducerOptions.Builder builder);
}
