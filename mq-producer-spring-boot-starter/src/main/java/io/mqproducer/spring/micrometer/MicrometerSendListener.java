package io.mqproducer.spring.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mqproducer.spring.SendListener;
import io.mqproducer.spring.SendMode;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Records each template send as the {@value ProducerMeters#SEND} timer and each failed one also in the
 * {@value ProducerMeters#FAILURES} counter.
 */
public final class MicrometerSendListener implements SendListener {
    private final Meter.MeterProvider<Timer> sends;
    private final Meter.MeterProvider<Counter> failures;

    /** Records into {@code registry}. */
    public MicrometerSendListener(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        this.sends = Timer.builder(ProducerMeters.SEND)
                .description("Sends made through the producer template")
                .withRegistry(registry);
        this.failures = Counter.builder(ProducerMeters.FAILURES)
                .description("Sends that failed after every retry")
                .withRegistry(registry);
    }

    @Override
    public void sendCompleted(String topic, SendMode mode, long durationNanos, @Nullable Throwable failure) {
        String exception = ProducerMeters.errorName(failure);
        sends.withTags("topic", topic, "result", failure == null ? "success" : "failure",
                        "mode", mode.tagValue(), "exception", exception)
                .record(durationNanos, TimeUnit.NANOSECONDS);
        if (failure != null) {
            failures.withTags("topic", topic, "cause", exception).increment();
        }
    }
}
