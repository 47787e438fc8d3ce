package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.internal.encode.OutgoingMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** How adaptive batching sends: one message alone, or several as one batch, within what is left of their timeout. */
interface CoalescedSends {

    CompletableFuture<SendResult> single(OutgoingMessage message, long budgetMillis);

    CompletableFuture<List<SendResult>> batch(List<OutgoingMessage> messages, long budgetMillis);
}
