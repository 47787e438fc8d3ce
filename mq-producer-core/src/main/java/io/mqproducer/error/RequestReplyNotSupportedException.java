package io.mqproducer.error;

/**
 * The server this producer talks to cannot carry request-reply: a RocketMQ 5 proxy does not serve the reply request
 * codes (it answers REQUEST_CODE_NOT_SUPPORTED) and never pushes replies to clients. Request-reply needs direct
 * connections to the brokers (their name servers as {@code name-server}).
 */
public class RequestReplyNotSupportedException extends ProducerException {
    public RequestReplyNotSupportedException(String message) {
        super(message, false);
    }

    private RequestReplyNotSupportedException(RequestReplyNotSupportedException original) {
        super(original.getMessage(), false, original);
    }

    @Override
    public RequestReplyNotSupportedException copyForRethrow() {
        return new RequestReplyNotSupportedException(this);
    }
}
