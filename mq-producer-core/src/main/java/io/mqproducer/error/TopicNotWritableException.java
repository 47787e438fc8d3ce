package io.mqproducer.error;

/**
 * The name servers route the topic, but to no queue that can be written now: its brokers have write permission
 * turned off (e.g. {@code wipeWritePerm} before maintenance) or have no master. Retriable: permission or masters may
 * come back.
 */
public class TopicNotWritableException extends TopicRouteNotFoundException {
    public TopicNotWritableException(String message) {
        super(message);
    }

    public TopicNotWritableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public TopicNotWritableException copyForRethrow() {
        return new TopicNotWritableException(getMessage(), this);
    }
}
