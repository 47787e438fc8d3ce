package io.mqproducer.error;

/** The producer was closed (or not started) when the send was attempted or while it was in flight. */
public class ProducerClosedException extends ProducerException {
    public ProducerClosedException(String message) {
        super(message, false);
    }

    public ProducerClosedException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public ProducerClosedException copyForRethrow() {
        return new ProducerClosedException(getMessage(), this);
    }
}
