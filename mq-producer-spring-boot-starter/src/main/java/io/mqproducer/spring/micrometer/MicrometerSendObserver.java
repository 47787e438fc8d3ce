package io.mqproducer.spring.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mqproducer.error.ProducerException;
import io.mqproducer.spi.SendObserver;
import java.util.Objects;

/**
 * Counts the producer's internal retries as {@value ProducerMeters#RETRIES}. It is plugged into the producer's
 * options because retries happen inside the core, out of the template's sight.
 */
public final class MicrometerSendObserver implements SendObserver {
    private final Meter.MeterProvider<Counter> retries;

    /** Records into {@code registry}. */
    public MicrometerSendObserver(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        this.retries = Counter.builder(ProducerMeters.RETRIES)
                .description("Send attempts that failed and were tried again")
                .withRegistry(registry);
    }

    @Override
    public void onRetry(String topic, String brokerName, ProducerException cause) {
        retries.withTags("topic", topic, "broker", brokerName == null ? "unknown" : brokerName,
                "cause", ProducerMeters.errorName(cause)).increment();
    }
}
