package io.mqproducer.error;

/** A broker or name server could not be reached, or its connection closed before it answered. */
public class BrokerUnavailableException extends ProducerException {
    public BrokerUnavailableException(String message) {
        super(message, true);
    }

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, true, cause);
    }

    @Override
    public BrokerUnavailableException copyForRethrow() {
        return new BrokerUnavailableException(getMessage(), this);
    }
}
