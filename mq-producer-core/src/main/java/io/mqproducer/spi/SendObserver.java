package io.mqproducer.spi;

import io.mqproducer.error.ProducerException;

/**
 * Hook for metrics and tracing inside the send pipeline. Implementations must be fast and must not throw;
 * they run on network threads.
 */
public interface SendObserver {

    /** Observes nothing. */
    SendObserver NOOP = new SendObserver() {
    };

    /**
     * An attempt to send to {@code topic} failed with a retriable error and another attempt follows.
     *
     * @param topic       the message's topic
     * @param brokerName  the broker the failed attempt went to
     * @param cause       why the attempt failed
     */
    default void onRetry(String topic, String brokerName, ProducerException cause) {
    }
}
