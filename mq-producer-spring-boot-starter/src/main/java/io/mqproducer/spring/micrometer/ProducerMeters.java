package io.mqproducer.spring.micrometer;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Names and tag values of the producer's meters, in one place so that code, tests and the README agree. */
public final class ProducerMeters {

    /** Timer of every send made through the template; tags {@code topic}, {@code result}, {@code mode}, {@code exception}. */
    public static final String SEND = "mq.producer.send";
    /** Counter of attempts retried inside the producer; tags {@code topic}, {@code broker}, {@code cause}. */
    public static final String RETRIES = "mq.producer.retries";
    /** Counter of sends that failed in the end; tags {@code topic}, {@code cause}. */
    public static final String FAILURES = "mq.producer.failures";
    /** Gauge of sends started and not yet finished. */
    public static final String INFLIGHT = "mq.producer.inflight";

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
