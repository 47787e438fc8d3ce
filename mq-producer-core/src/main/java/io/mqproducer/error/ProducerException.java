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

    /**
     * A new exception of the same type, message and retriability, with this one as its cause. Sync sends throw the
     * copy on the caller's thread, so that its stack trace shows where the caller sent, while the cause keeps where
     * the failure arose (usually a network thread). Every subclass returns its own type.
     */
    public ProducerException copyForRethrow() {
        return new ProducerException(getMessage(), retriable, this);
    }
}
