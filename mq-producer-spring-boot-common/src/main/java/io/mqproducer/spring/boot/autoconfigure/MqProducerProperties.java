package io.mqproducer.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Settings of the auto-configured RocketMQ producer, bound from {@code mq.producer.*}: the producer's own settings
 * (inherited from {@link ProducerProperties}), those of the starter around it, and further named producers.
 */
@ConfigurationProperties(prefix = MqProducerProperties.PREFIX)
public class MqProducerProperties extends ProducerProperties {

    /** The prefix of every property here. */
    public static final String PREFIX = "mq.producer";

    /** Whether to create the producer, the template, metrics and health indicator. */
    private boolean enabled = true;

    /** Whether every template send runs in a Micrometer Observation (tracing; trace context in message properties). */
    private boolean observationEnabled;

    /**
     * Whether start-up fails (with a failure analysis) when no name server answers; set to false to start anyway and
     * connect lazily on the first send.
     */
    private boolean failFast = true;

    /** How long the fail-fast check at start-up waits for a name server to answer. */
    private Duration failFastTimeout = Duration.ofSeconds(5);

    @NestedConfigurationProperty
    private final MqProducerHealthProperties health = new MqProducerHealthProperties();

    @NestedConfigurationProperty
    private final MqProducerMetricsProperties metrics = new MqProducerMetricsProperties();

    /**
     * Further producers by name, each its own client, with the same settings as the default producer; every one not
     * set falls back to the top-level one.
     */
    private final Map<String, NamedProducerProperties> producers = new LinkedHashMap<>();

    /** Whether to create the producer, the template, metrics and health indicator. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether to create the producer and everything around it. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether template sends are observed with Micrometer. */
    public boolean isObservationEnabled() {
        return observationEnabled;
    }

    /** Sets whether template sends are observed with Micrometer. */
    public void setObservationEnabled(boolean observationEnabled) {
        this.observationEnabled = observationEnabled;
    }

    /** Whether start-up fails when no name server answers. */
    public boolean isFailFast() {
        return failFast;
    }

    /** Sets whether start-up fails when no name server answers. */
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    /** How long the fail-fast check at start-up waits for a name server to answer. */
    public Duration getFailFastTimeout() {
        return failFastTimeout;
    }

    /** Sets how long the fail-fast check at start-up waits. */
    public void setFailFastTimeout(Duration failFastTimeout) {
        this.failFastTimeout = failFastTimeout;
    }

    /** Health indicator settings. */
    public MqProducerHealthProperties getHealth() {
        return health;
    }

    /** Metrics settings. */
    public MqProducerMetricsProperties getMetrics() {
        return metrics;
    }

    /** Further producers by name, in declaration order; empty for the single auto-configured producer only. */
    public Map<String, NamedProducerProperties> getProducers() {
        return producers;
    }
}
