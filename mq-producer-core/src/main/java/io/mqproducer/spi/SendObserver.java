package io.mqproducer.spi;

import io.mqproducer.error.ProducerException;
import java.util.Set;

/**
 * Hook for metrics and tracing inside the send pipeline. Implementations must be fast and must not throw;
 * they run on network threads. Every method does nothing by default.
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

    /**
     * A call to one of the producer's send methods finished: once per call, whatever its mode, after every retry.
     * A send rejected before it started (producer not running) is told too.
     *
     * @param event what was sent, how, how long it took and how it ended
     */
    default void onSendCompleted(SendEvent event) {
    }

    /**
     * A batch request is about to go out: a part of an explicit batch, or sends that automatic batching grouped.
     * Messages sent one per request are not told here.
     *
     * @param topic    the messages' topic
     * @param messages how many messages the request carries
     */
    default void onBatchRequest(String topic, int messages) {
    }

    /**
     * The route of {@code topic} was fetched from a name server (on first use, on schedule or after a failure).
     *
     * @param topic       the topic, as sent on the wire (with namespace)
     * @param brokerNames the brokers with writable queues for it
     */
    default void onRouteFetched(String topic, Set<String> brokerNames) {
    }

    /**
     * Fetching the route of {@code topic} failed; a cached route, if any, stays in use.
     *
     * @param topic the topic, as sent on the wire (with namespace)
     * @param cause why
     */
    default void onRouteFetchFailed(String topic, ProducerException cause) {
    }
}
