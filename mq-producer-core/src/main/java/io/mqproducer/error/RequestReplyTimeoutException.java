package io.mqproducer.error;

/**
 * No reply arrived within a request's timeout. The request message itself may have been stored and consumed; only
 * the answer is missing (no responder, a slow one, or a reply that could not be pushed back to this producer).
 */
public class RequestReplyTimeoutException extends ProducerException {
    private final String correlationId;

    public RequestReplyTimeoutException(String message, String correlationId) {
        super(message, true);
        this.correlationId = correlationId;
    }

    private RequestReplyTimeoutException(RequestReplyTimeoutException original) {
        super(original.getMessage(), true, original);
        this.correlationId = original.correlationId;
    }

    @Override
    public RequestReplyTimeoutException copyForRethrow() {
        return new RequestReplyTimeoutException(this);
    }

    /** The correlation id of the request that got no reply. */
    public String correlationId() {
        return correlationId;
    }
}
