package io.mqproducer.error;

/** Too many async sends are in flight and none finished within the send timeout; nothing was sent. */
public class ProducerBusyException extends ProducerException {
    public ProducerBusyException(String message) {
        super(message, true);
    }

    public ProducerBusyException(String message, Throwable cause) {
        super(message, true, cause);
    }

    @Override
    public ProducerBusyException copyForRethrow() {
        return new ProducerBusyException(getMessage(), this);
    }
}
