package io.mqproducer.error;

/** One request got no answer within its time; the broker may or may not have stored the message. */
public class RequestTimeoutException extends ProducerException {
    public RequestTimeoutException(String message) {
        super(message, true);
    }

    public RequestTimeoutException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
