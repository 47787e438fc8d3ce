package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.error.ProducerException;
import io.mqproducer.spi.SendObserver;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets every {@link SendObserver} bean observe the one producer; an observer that throws is logged and skipped
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
        for (SendObserver observer : observers) {
            try {
                observer.onRetry(topic, brokerName, cause);
            } catch (RuntimeException e) {
                log.warn("send observer {} failed for topic {}", observer.getClass().getName(), topic, e);
            }
        }
    }
}
