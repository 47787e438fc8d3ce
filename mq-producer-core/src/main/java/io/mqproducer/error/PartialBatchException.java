package io.mqproducer.error;

import io.mqproducer.SendResult;
import java.util.List;

/**
 * A batch too large for one request was sent in parts, and a later part failed: the messages in
 * {@link #sent()} are stored, the rest are not.
 */
public class PartialBatchException extends ProducerException {
    private final transient List<SendResult> sent;

    public PartialBatchException(String message, List<SendResult> sent, ProducerException cause) {
        super(message, cause.isRetriable(), cause);
        this.sent = List.copyOf(sent);
    }

    /** Results of the messages that were stored before the failure, in batch order. */
    public List<SendResult> sent() {
        return sent;
    }

    @Override
    public PartialBatchException copyForRethrow() {
        return new PartialBatchException(getMessage(), sent, this);
    }
}
