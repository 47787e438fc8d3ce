package io.mqproducer.error;

/** Producer options that cannot work (missing name server, bad timeout); raised when the producer is built. */
public class InvalidOptionsException extends ProducerException {
    public InvalidOptionsException(String message) {
        super(message, false);
    }

    public InvalidOptionsException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
