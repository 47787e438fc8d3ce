package io.mqproducer.spring.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mqproducer.BrokerState;
import io.mqproducer.Producer;
import io.mqproducer.error.ProducerException;
import io.mqproducer.spi.SendEvent;
import io.mqproducer.spi.SendObserver;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Records one producer's sends, retries, batch requests and route fetches as the meters named in
 * {@link ProducerMeters}, every one tagged with the producer's name. Plugged into the producer's options, so it sees
 * every send of the producer, through the template or not.
 */
public final class MicrometerProducerObserver implements SendObserver {
    private final MeterRegistry registry;
    private final Tags producerTags;
    private final boolean topicTag;
    private final Supplier<Producer> producer;
    private final Set<String> brokersWithGauge = ConcurrentHashMap.newKeySet();
    private final Meter.MeterProvider<Timer> sends;
    private final Meter.MeterProvider<Counter> failures;
    private final Meter.MeterProvider<Counter> retries;
    private final Meter.MeterProvider<DistributionSummary> messageSizes;
    private final Meter.MeterProvider<DistributionSummary> batchSizes;
    private final Meter.MeterProvider<Counter> routeRefreshes;

    /**
     * Records into {@code registry}.
     *
     * @param producerName the {@code producer} tag's value
     * @param topicTag     whether meters carry a {@code topic} tag
     * @param producer     the observed producer once started (for the gauges), or {@code null} before
     */
    public MicrometerProducerObserver(MeterRegistry registry, String producerName, boolean topicTag,
            Supplier<Producer> producer) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.producerTags = Tags.of(ProducerMeters.PRODUCER_TAG, Objects.requireNonNull(producerName, "producerName"));
        this.topicTag = topicTag;
        this.producer = Objects.requireNonNull(producer, "producer");
        this.sends = Timer.builder(ProducerMeters.SEND).description("Send calls of the producer, until they finished")
                .withRegistry(registry);
        this.failures = Counter.builder(ProducerMeters.FAILURES).description("Sends that failed after every retry")
                .withRegistry(registry);
        this.retries = Counter.builder(ProducerMeters.RETRIES)
                .description("Send attempts that failed and were tried again").withRegistry(registry);
        this.messageSizes = DistributionSummary.builder(ProducerMeters.MESSAGE_SIZE).baseUnit("bytes")
                .description("Body size of each message sent").withRegistry(registry);
        this.batchSizes = DistributionSummary.builder(ProducerMeters.BATCH_SIZE).baseUnit("messages")
                .description("Messages per batch request").withRegistry(registry);
        this.routeRefreshes = Counter.builder(ProducerMeters.ROUTE_REFRESHES)
                .description("Topic route fetches from the name servers").withRegistry(registry);
        Gauge.builder(ProducerMeters.INFLIGHT, producer, MicrometerProducerObserver::inflight).tags(producerTags)
                .description("Sends started and not yet finished").register(registry);
        FunctionCounter.builder(ProducerMeters.TRACE_DROPPED, producer, MicrometerProducerObserver::traceDropped)
                .tags(producerTags).description("Message trace records dropped: trace queue full or trace send failed")
                .register(registry);
    }

    @Override
    public void onSendCompleted(SendEvent event) {
        Tags topic = topicTags(event.topic());
        String exception = ProducerMeters.errorName(event.failure());
        sends.withTags(topic.and("result", event.succeeded() ? "success" : "failure",
                        "mode", event.mode().name().toLowerCase(Locale.ROOT), "exception", exception))
                .record(event.durationNanos(), TimeUnit.NANOSECONDS);
        if (!event.succeeded()) {
            failures.withTags(topic.and("cause", exception)).increment();
        } else if (event.messages() > 0) {
            // Per message; a batch call knows only its total, so each of its messages counts with the mean size.
            DistributionSummary sizes = messageSizes.withTags(topic);
            long mean = event.bodyBytes() / event.messages();
            for (int i = 0; i < event.messages(); i++) {
                sizes.record(mean);
            }
        }
    }

    @Override
    public void onRetry(String topic, String brokerName, ProducerException cause) {
        retries.withTags(topicTags(topic).and("broker", brokerName == null ? "unknown" : brokerName,
                "cause", ProducerMeters.errorName(cause))).increment();
    }

    @Override
    public void onBatchRequest(String topic, int messages) {
        batchSizes.withTags(topicTags(topic)).record(messages);
    }

    @Override
    public void onRouteFetched(String topic, Set<String> brokerNames) {
        routeRefreshes.withTags(topicTags(topic).and("result", "success")).increment();
        for (String broker : brokerNames) {
            if (brokersWithGauge.add(broker)) {
                Gauge.builder(ProducerMeters.BROKER_AVOIDED, producer, p -> avoided(p, broker))
                        .tags(producerTags.and("broker", broker))
                        .description("1 while new sends avoid the broker (it failed or answered slowly), else 0")
                        .register(registry);
            }
        }
    }

    @Override
    public void onRouteFetchFailed(String topic, ProducerException cause) {
        routeRefreshes.withTags(topicTags(topic).and("result", "failure")).increment();
    }

    private Tags topicTags(String topic) {
        return topicTag ? producerTags.and(ProducerMeters.TOPIC_TAG, topic) : producerTags;
    }

    private static double inflight(Supplier<Producer> producer) {
        Producer started = producer.get();
        return started == null ? 0 : started.inflightSends();
    }

    private static double traceDropped(Supplier<Producer> producer) {
        Producer started = producer.get();
        return started == null ? 0 : started.traceRecordsDropped();
    }

    private static double avoided(Supplier<Producer> producer, String broker) {
        Producer started = producer.get();
        BrokerState state = started == null ? null : started.brokerStates().get(broker);
        return state != null && state.isAvoidedAt(Instant.now()) ? 1 : 0;
    }
}
