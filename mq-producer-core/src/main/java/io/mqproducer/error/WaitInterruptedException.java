package io.mqproducer.error;

/**
 * The calling thread was interrupted while it waited for a result (a sync send, a reply); the thread's interrupt
 * flag is set again. The operation itself was not cancelled: the message may still be stored.
 */
public class WaitInterruptedException extends ProducerException {
    public WaitInterruptedException(String message, InterruptedException cause) {
        this(message, (Throwable) cause);
    }

    private WaitInterruptedException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public WaitInterruptedException copyForRethrow() {
        return new WaitInterruptedException(getMessage(), this);
    }
}
