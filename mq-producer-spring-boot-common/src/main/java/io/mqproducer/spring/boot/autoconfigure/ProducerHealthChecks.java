package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Producer;
import io.mqproducer.spring.health.ProducerHealthCheck;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The health checks of every producer the starter created, by producer name, with the {@code mq.producer.health.*}
 * settings checked once for both Spring Boot lines; each line's health auto-configuration shows them as its own
 * health contributors.
 */
public final class ProducerHealthChecks {

    private ProducerHealthChecks() {
    }

    /**
     * One check per producer (the default one and each named one), in name order of {@link MqProducers}.
     *
     * @throws MqProducerPropertyException if the health timeout is not positive or the cache time is negative
     */
    public static Map<String, ProducerHealthCheck> byName(ObjectProvider<Producer> producer,
            ObjectProvider<NamedProducers> named, MqProducerProperties properties) {
        MqProducerHealthProperties health = properties.getHealth();
        Duration timeout = positive("timeout", health.getTimeout());
        Duration cacheTtl = notNegative("cache-time-to-live", health.getCacheTimeToLive());
        Map<String, ProducerHealthCheck> checks = new LinkedHashMap<>();
        MqProducers.byName(producer, named).forEach((name, each) ->
                checks.put(name, new ProducerHealthCheck(each, timeout, cacheTtl)));
        return checks;
    }

    private static Duration positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(property, value, "must be a positive duration");
        }
        return value;
    }

    private static Duration notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw invalid(property, value, "must be zero or a positive duration");
        }
        return value;
    }

    private static MqProducerPropertyException invalid(String property, Duration value, String problem) {
        return new MqProducerPropertyException(MqProducerProperties.PREFIX + ".health." + property,
                String.valueOf(value), problem, null);
    }
}
