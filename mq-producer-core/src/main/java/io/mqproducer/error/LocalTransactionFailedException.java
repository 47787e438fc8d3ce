package io.mqproducer.error;

/**
 * The local transaction of a transactional send threw: the half message is stored but stays undecided, and the broker
 * will ask the transaction checker later. The cause is what the local transaction threw.
 */
public class LocalTransactionFailedException extends ProducerException {
    public LocalTransactionFailedException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public LocalTransactionFailedException copyForRethrow() {
        return new LocalTransactionFailedException(getMessage(), this);
    }
}
