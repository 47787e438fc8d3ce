package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.internal.send.OutgoingMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** How adaptive batching sends: one message alone, or several as one batch, within what is left of their timeout. */
public interface CoalescedSends {

    CompletableFuture<SendResult> single(OutgoingMessage message, long budgetMillis);

    CompletableFuture<List<SendResult>> batch(List<OutgoingMessage> messages, long budgetMillis);

    /** Whether {@code message} may share a batch request (a message close to the size limit goes alone). */
    boolean fitsBatch(OutgoingMessage message);
}
