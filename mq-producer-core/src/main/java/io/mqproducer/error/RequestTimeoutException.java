package io.mqproducer.error;

/**
 * One request (one attempt of a send) got no answer within the request timeout
 * ({@link io.mqproducer.ProducerOptions#requestTimeout()}). The message names the broker and its address.
 *
 * <p><b>A timed-out send may have been stored.</b> The broker may have written the message and its answer been
 * late or lost (a hung or overloaded broker often stores what it received). Sending it again, which the producer's
 * own retry does, may store it twice: consumers that must not see duplicates should deduplicate, e.g. by the
 * message key or id.
 */
public class RequestTimeoutException extends ProducerException {
    public RequestTimeoutException(String message) {
        super(message, true);
    }

    public RequestTimeoutException(String message, Throwable cause) {
        super(message, true, cause);
    }

    @Override
    public RequestTimeoutException copyForRethrow() {
        return new RequestTimeoutException(getMessage(), this);
    }
}
