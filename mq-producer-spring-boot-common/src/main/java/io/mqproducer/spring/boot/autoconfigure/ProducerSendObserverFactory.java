package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Producer;
import io.mqproducer.spi.SendObserver;
import java.util.function.Supplier;

/**
 * Creates a {@link SendObserver} for each producer the starter creates (the default one and each named one), for
 * observers that need to know which producer they observe, such as metrics tagged by producer. Every bean of this
 * type is asked once per producer, next to the plain {@link SendObserver} beans that every producer shares.
 */
@FunctionalInterface
public interface ProducerSendObserverFactory {

    /**
     * The observer of one producer.
     *
     * @param producerName {@value MqProducers#DEFAULT} for the default producer, else its name under
     *                     {@code mq.producer.producers}
     * @param producer     the producer once it has started; {@code null} before (the observer is created first,
     *                     as it is part of the producer's options)
     */
    SendObserver create(String producerName, Supplier<Producer> producer);
}
