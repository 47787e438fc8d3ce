package io.mqproducer.error;

/** No name server knows a route for the topic, and the broker cannot create it. */
public class TopicRouteNotFoundException extends ProducerException {
    public TopicRouteNotFoundException(String message) {
        super(message, true);
    }

    public TopicRouteNotFoundException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
