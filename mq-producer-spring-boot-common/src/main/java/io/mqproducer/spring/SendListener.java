package io.mqproducer.spring;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Told by {@link ProducerTemplate} when a send finishes, so that metrics can be recorded without the template
 * knowing about Micrometer. Implementations must be fast and should not throw (the template logs and ignores what
 * they throw); for async sends they run on a producer callback thread.
 */
@FunctionalInterface
public interface SendListener {

    /** Listens to nothing; the template's default. */
    SendListener NOOP = (topic, mode, durationNanos, failure) -> {
    };

    /**
     * A send finished.
     *
     * @param topic         the message's topic
     * @param mode          how it was sent
     * @param durationNanos from handing the message to the producer until the send finished
     * @param failure       why it failed, or {@code null} when it succeeded
     */
    void sendCompleted(String topic, SendMode mode, long durationNanos, @Nullable Throwable failure);

    /** One listener that tells each of {@code listeners} in turn; one that throws does not stop the others. */
    static SendListener composite(List<? extends SendListener> listeners) {
        List<SendListener> all = List.copyOf(listeners);
        if (all.isEmpty()) {
            return NOOP;
        }
        return all.size() == 1 ? all.get(0) : new CompositeSendListener(all);
    }
}
