package io.mqproducer.error;

/** A message that breaks a rule (topic, body, size, properties); nothing was sent. */
public class InvalidMessageException extends ProducerException {
    public InvalidMessageException(String message) {
        super(message, false);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public InvalidMessageException copyForRethrow() {
        return new InvalidMessageException(getMessage(), this);
    }
}
