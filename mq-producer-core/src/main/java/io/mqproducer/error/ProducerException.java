package io.mqproducer.error;

/**
 * Root of every error the producer reports. Unchecked; {@link #isRetriable()} tells whether sending
 * the same message again (to another broker, later) may succeed.
 */
public class ProducerException extends RuntimeException {
    private final boolean retriable;

    public ProducerException(String message, boolean retriable) {
        this(message, retriable, null);
    }

    public ProducerException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether another attempt may succeed: the fault lies with a broker, the network or the moment. */
    public boolean isRetriable() {
        return retriable;
    }
}
