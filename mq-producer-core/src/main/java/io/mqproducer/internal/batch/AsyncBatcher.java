package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.internal.encode.OutgoingMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Automatic batching of async sends: messages for the same topic that arrive within a short linger are sent
 * together as one {@code SEND_BATCH_MESSAGE}, and each caller still gets its own result. A batch goes out
 * when the linger since its first message passed, or as soon as it reaches the count or byte limit.
 */
final class AsyncBatcher {
    private final ConcurrentHashMap<BatchKey, TopicBuffer> buffers = new ConcurrentHashMap<>();
    private final CoalescedSends sends;
    private final long timeoutMillis;
    private final ScheduledExecutorService scheduler;
    private final BatchLimits limits;

    /**
     * When a batch goes out: {@code lingerMicros} after its first message, or once it holds {@code maxMessages}
     * messages or about {@code maxBytes} body bytes.
     */
    record BatchLimits(long lingerMicros, int maxMessages, int maxBytes) {
    }

    /** Sends through {@code sends}, each batch within {@code timeoutMillis}. */
    AsyncBatcher(CoalescedSends sends, long timeoutMillis, ScheduledExecutorService scheduler,
                        BatchLimits limits) {
        this.sends = sends;
        this.timeoutMillis = timeoutMillis;
        this.scheduler = scheduler;
        this.limits = limits;
    }

    /**
     * Adds {@code message} (a batchable one, see {@code OutgoingMessage#batchable}) to its topic's
     * pending batch; the future completes with its own result.
     */
    CompletableFuture<SendResult> add(OutgoingMessage message) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        buffers.computeIfAbsent(BatchKey.of(message), k -> new TopicBuffer(sends, timeoutMillis, scheduler, limits))
                .add(message, result);
        return result;
    }

    /** Sends every pending batch now (on close). */
    void flushAll() {
        buffers.values().forEach(TopicBuffer::flushNow);
    }
}
