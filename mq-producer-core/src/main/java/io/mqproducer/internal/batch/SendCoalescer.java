package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.internal.send.OutgoingMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Adaptive batching of round-robin sends, sync or async: per topic, sends that arrive while enough requests are
 * already outstanding wait for one of them to return and then go together as one {@code SEND_BATCH_MESSAGE}; each
 * sender still gets its own result. It adds no waiting when sends do not overlap, so unlike the linger of
 * {@link AsyncBatcher} it suits blocking senders.
 */
public final class SendCoalescer {
    /**
     * Requests per topic in flight before sends start to wait. Two keeps the broker busy while a batch is on its way
     * back, and lets batches grow under load.
     */
    public static final int MAX_INFLIGHT_PER_TOPIC = 2;

    private final ConcurrentHashMap<BatchKey, CoalescingQueue> queues = new ConcurrentHashMap<>();
    private final Function<OutgoingMessage, CompletableFuture<SendResult>> singleSender;
    private final Function<List<OutgoingMessage>, CompletableFuture<List<SendResult>>> batchSender;
    private final int maxInflight;
    private final int maxMessages;
    private final int maxBytes;

    public SendCoalescer(Function<OutgoingMessage, CompletableFuture<SendResult>> singleSender,
                         Function<List<OutgoingMessage>, CompletableFuture<List<SendResult>>> batchSender,
                         int maxInflight, int maxMessages, int maxBytes) {
        this.singleSender = singleSender;
        this.batchSender = batchSender;
        this.maxInflight = maxInflight;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /**
     * Sends {@code message} (encoded as a batch member, see {@code SendPipeline#encodeBatchMember}) now or with the
     * next batch of its topic; the future completes with its own result.
     */
    public CompletableFuture<SendResult> add(OutgoingMessage message) {
        return queues.computeIfAbsent(BatchKey.of(message),
                key -> new CoalescingQueue(singleSender, batchSender, maxInflight, maxMessages, maxBytes)).add(message);
    }
}
