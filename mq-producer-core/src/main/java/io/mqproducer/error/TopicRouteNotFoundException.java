package io.mqproducer.error;

/**
 * The topic has no usable route: the name servers, which do know brokers, have no route for it and no broker offers
 * to create it (create the topic), or, as {@link TopicNotWritableException}, none of its queues can be written now.
 * Name servers that know no broker at all fail with {@link NameServerNotReadyException} instead, unreachable ones
 * with {@link NameServerUnavailableException}.
 */
public class TopicRouteNotFoundException extends ProducerException {
    public TopicRouteNotFoundException(String message) {
        super(message, true);
    }

    public TopicRouteNotFoundException(String message, Throwable cause) {
        super(message, true, cause);
    }

    @Override
    public TopicRouteNotFoundException copyForRethrow() {
        return new TopicRouteNotFoundException(getMessage(), this);
    }
}
