package io.mqproducer.error;

/**
 * No name server answered a route request (each was unreachable or did not answer in time), and the topic's route
 * was not cached yet. A topic whose route is cached keeps being sent to while its brokers answer, however long the
 * name servers are away.
 */
public class NameServerUnavailableException extends BrokerUnavailableException {
    public NameServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public NameServerUnavailableException copyForRethrow() {
        return new NameServerUnavailableException(getMessage(), this);
    }
}
