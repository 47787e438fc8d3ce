package io.mqproducer.error;

/**
 * The name servers answered but know no broker at all, so they cannot tell whether the topic exists: typically a
 * name server that has just restarted, before the brokers registered again (they do every 30 s by default). Not a
 * sign that the topic is missing; retriable.
 */
public class NameServerNotReadyException extends ProducerException {
    public NameServerNotReadyException(String message) {
        super(message, true);
    }

    public NameServerNotReadyException(String message, Throwable cause) {
        super(message, true, cause);
    }

    @Override
    public NameServerNotReadyException copyForRethrow() {
        return new NameServerNotReadyException(getMessage(), this);
    }
}
