package io.mqproducer.error;

/**
 * A failure that is none of the producer's own: an exception from application code the producer called, or a bug.
 * The cause is the original exception. Not retriable.
 */
public class UnexpectedFailureException extends ProducerException {
    public UnexpectedFailureException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public UnexpectedFailureException copyForRethrow() {
        return new UnexpectedFailureException(getMessage(), this);
    }
}
