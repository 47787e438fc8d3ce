package io.mqproducer.spring.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.mqproducer.Producer;
import java.util.Objects;

/** Binds the {@value ProducerMeters#INFLIGHT} gauge: sends the producer has started and not yet finished. */
public final class ProducerInflightMeterBinder implements MeterBinder {
    private final Producer producer;

    /** Reports on {@code producer}. */
    public ProducerInflightMeterBinder(Producer producer) {
        this.producer = Objects.requireNonNull(producer, "producer");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(ProducerMeters.INFLIGHT, producer, Producer::inflightSends)
                .description("Sends started and not yet finished")
                .register(registry);
    }
}
