package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Producer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The producers an application runs through the starter, by name: the {@link Producer} bean as {@value #DEFAULT}
 * (when there is exactly one), then each producer under {@code mq.producer.producers.<name>}. Health, metrics and the
 * actuator endpoint report on these.
 */
public final class MqProducers {
    /** The name of the {@link Producer} bean (the default producer) in health, metrics and the endpoint. */
    public static final String DEFAULT = "default";

    private MqProducers() {
    }

    /**
     * The producers by name, the default first, then the named ones in declaration order.
     *
     * @param defaultProducer the {@link Producer} bean, if there is one
     * @param named           the named producers, if any are configured
     */
    public static Map<String, Producer> byName(ObjectProvider<Producer> defaultProducer,
            ObjectProvider<NamedProducers> named) {
        Map<String, Producer> producers = new LinkedHashMap<>();
        defaultProducer.ifUnique(producer -> producers.put(DEFAULT, producer));
        named.ifAvailable(all -> all.names().forEach(name -> producers.put(name, all.producer(name))));
        return Collections.unmodifiableMap(producers);
    }
}
