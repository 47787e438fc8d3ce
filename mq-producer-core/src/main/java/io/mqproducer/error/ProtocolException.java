package io.mqproducer.error;

/** A peer answered with something that does not follow the remoting protocol. */
public class ProtocolException extends ProducerException {
    public ProtocolException(String message) {
        super(message, false);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public ProtocolException copyForRethrow() {
        return new ProtocolException(getMessage(), this);
    }
}
