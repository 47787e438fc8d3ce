package io.mqproducer.spring.micrometer;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Names and tag values of the producer's meters, in one place so that code, tests and the README agree. */
public final class ProducerMeters {

    /**
     * Timer of every send call of a producer; tags {@code producer}, {@code topic}, {@code result}, {@code mode},
     * {@code exception}.
     */
    public static final String SEND = "mq.producer.send";
    /** Counter of attempts retried inside the producer; tags {@code producer}, {@code topic}, {@code broker}, {@code cause}. */
    public static final String RETRIES = "mq.producer.retries";
    /** Counter of sends that failed in the end; tags {@code producer}, {@code topic}, {@code cause}. */
    public static final String FAILURES = "mq.producer.failures";
    /** Gauge of sends started and not yet finished; tag {@code producer}. */
    public static final String INFLIGHT = "mq.producer.inflight";
    /** Distribution summary of message body sizes in bytes; tags {@code producer}, {@code topic}. */
    public static final String MESSAGE_SIZE = "mq.producer.message.size";
    /** Distribution summary of messages per batch request; tags {@code producer}, {@code topic}. */
    public static final String BATCH_SIZE = "mq.producer.batch.size";
    /** Counter of route fetches from name servers; tags {@code producer}, {@code topic}, {@code result}. */
    public static final String ROUTE_REFRESHES = "mq.producer.route.refreshes";
    /** Gauge, 1 while sends avoid a broker (it failed or answered slowly), else 0; tags {@code producer}, {@code broker}. */
    public static final String BROKER_AVOIDED = "mq.producer.broker.avoided";
    /**
     * Counter of message trace records not written (trace queue full, trace send failed, or left at close); 0 while
     * trace is off; tag {@code producer}.
     */
    public static final String TRACE_DROPPED = "mq.producer.trace.dropped";

    /** Tag of the producer's name: {@code default}, or its name under {@code mq.producer.producers}. */
    public static final String PRODUCER_TAG = "producer";
    /** Tag of the topic; left out when {@code mq.producer.metrics.topic-tag=false}. */
    public static final String TOPIC_TAG = "topic";

    /** The {@code exception} tag value of a successful send. */
    public static final String NONE = "none";

    private ProducerMeters() {
    }

    /** The simple class name of {@code error} (unwrapped from future wrappers), or {@code none}. */
    public static String errorName(@Nullable Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (current == null) {
            return NONE;
        }
        String name = current.getClass().getSimpleName();
        // Anonymous and some generated classes have no simple name.
        return name.isEmpty() ? current.getClass().getName() : name;
    }
}
