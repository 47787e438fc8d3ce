package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.error.ProducerException;
import io.mqproducer.spi.SendEvent;
import io.mqproducer.spi.SendObserver;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets several {@link SendObserver}s observe one producer; an observer that throws is logged and skipped
 * (observers run on network threads, where an exception must not escape).
 */
final class CompositeSendObserver implements SendObserver {
    private static final Logger log = LoggerFactory.getLogger(CompositeSendObserver.class);

    private final List<SendObserver> observers;

    private CompositeSendObserver(List<SendObserver> observers) {
        this.observers = observers;
    }

    /** One observer for all of {@code observers}: {@link SendObserver#NOOP} for none, the observer itself for one. */
    static SendObserver of(List<SendObserver> observers) {
        if (observers.isEmpty()) {
            return SendObserver.NOOP;
        }
        return observers.size() == 1 ? observers.get(0) : new CompositeSendObserver(List.copyOf(observers));
    }

    @Override
    public void onRetry(String topic, String brokerName, ProducerException cause) {
        each(topic, observer -> observer.onRetry(topic, brokerName, cause));
    }

    @Override
    public void onSendCompleted(SendEvent event) {
        each(event.topic(), observer -> observer.onSendCompleted(event));
    }

    @Override
    public void onBatchRequest(String topic, int messages) {
        each(topic, observer -> observer.onBatchRequest(topic, messages));
    }

    @Override
    public void onRouteFetched(String topic, Set<String> brokerNames) {
        each(topic, observer -> observer.onRouteFetched(topic, brokerNames));
    }

    @Override
    public void onRouteFetchFailed(String topic, ProducerException cause) {
        each(topic, observer -> observer.onRouteFetchFailed(topic, cause));
    }

    private void each(String topic, Consumer<SendObserver> call) {
        for (SendObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                log.warn("send observer {} failed for topic {}", observer.getClass().getName(), topic, e);
            }
        }
    }
}
