package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.internal.encode.OutgoingMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adaptive batching of round-robin sends, sync or async: per topic, sends that arrive while enough requests are
 * already outstanding (see {@link InflightLimit}) wait for one of them to return and then go together as one
 * {@code SEND_BATCH_MESSAGE}; each sender still gets its own result. It adds no waiting when sends do not overlap,
 * so unlike the linger of {@link AsyncBatcher} it suits blocking senders.
 */
final class SendCoalescer {
    private final ConcurrentHashMap<BatchKey, CoalescingQueue> queues = new ConcurrentHashMap<>();
    private final CoalescedSends sends;
    private final long timeoutMillis;
    private final int maxMessages;
    private final int maxBytes;

    /** Sends through {@code sends}; every message has {@code timeoutMillis} from its call, waiting included. */
    SendCoalescer(CoalescedSends sends, long timeoutMillis, int maxMessages, int maxBytes) {
        this.sends = sends;
        this.timeoutMillis = timeoutMillis;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /**
     * Sends {@code message} (a batchable one, see {@code OutgoingMessage#batchable}) now or with the next batch of its
     * topic; the future completes with its own result.
     */
    CompletableFuture<SendResult> add(OutgoingMessage message) {
        return queues.computeIfAbsent(BatchKey.of(message),
                key -> new CoalescingQueue(sends, timeoutMillis, InflightLimit.adaptive(), maxMessages,
                        maxBytes)).add(message);
    }
}
