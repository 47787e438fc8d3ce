package io.mqproducer.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code mq.producer.*} property is missing or has a value the producer cannot work with. Start-up fails with it,
 * and {@link MqProducerFailureAnalyzer} turns it into a report naming the property.
 */
public final class MqProducerPropertyException extends IllegalStateException {
    private final String property;
    private final @Nullable String value;
    private final String reason;

    /**
     * A problem with one property.
     *
     * @param property the full property name, such as {@code mq.producer.retries}
     * @param value    the value as configured, or {@code null} when the property is not set
     * @param reason   what is wrong, such as {@code must be >= 0}
     * @param cause    the producer's own complaint, if any
     */
    public MqProducerPropertyException(String property, @Nullable String value, String reason,
            @Nullable Throwable cause) {
        super(value == null ? property + " is not set: " + reason
                : "invalid value '" + value + "' for " + property + ": " + reason, cause);
        this.property = property;
        this.value = value;
        this.reason = reason;
    }

    /** The full property name, such as {@code mq.producer.name-server}. */
    public String property() {
        return property;
    }

    /** The configured value, or {@code null} when the property is not set. */
    public @Nullable String value() {
        return value;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }
}
