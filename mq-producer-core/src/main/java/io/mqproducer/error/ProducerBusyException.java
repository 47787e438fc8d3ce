package io.mqproducer.error;

/** Too many async sends are in flight and none finished within the send timeout; nothing was sent. */
public class ProducerBusyException extends ProducerException {
    public ProducerBusyException(String message) {
        super(message, true);
    }
}
