package io.mqproducer.internal.batch;

import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.internal.send.OutgoingMessage;
import io.mqproducer.internal.send.SendPipeline;
import io.mqproducer.message.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends without a queue selector, through whichever automatic batching the options turn on: the linger of
 * {@link AsyncBatcher} for async sends, the adaptive batching of {@link SendCoalescer} for the rest, or alone.
 * Messages that cannot share a batch always go alone.
 */
public final class RoundRobinSends {
    private final SendPipeline pipeline;
    private final int compressionThreshold;
    private final AsyncBatcher lingering;
    private final SendCoalescer coalescing;

    public RoundRobinSends(SendPipeline pipeline, ProducerOptions options, ScheduledExecutorService scheduler) {
        this.pipeline = pipeline;
        this.compressionThreshold = options.compressionThreshold();
        int batchMaxBytes = Math.min(options.batchMaxBytes(), options.maxMessageSize());
        long timeoutMillis = options.sendTimeout().toMillis();
        PipelineSends sends = new PipelineSends(pipeline);
        this.lingering = options.batchLinger().isZero() ? null : new AsyncBatcher(sends, timeoutMillis, scheduler,
                new AsyncBatcher.BatchLimits(options.batchLinger().toNanos() / 1000, options.batchMaxMessages(),
                        batchMaxBytes));
        this.coalescing = !options.adaptiveBatching() ? null : new SendCoalescer(sends, timeoutMillis,
                options.batchMaxMessages(), batchMaxBytes);
    }

    /** A send whose caller waits for it. */
    public CompletableFuture<SendResult> send(Message message) {
        if (coalescing != null && isBatchable(message)) {
            // Encoded (and checked) here, so that a bad message fails alone instead of failing a whole batch.
            return coalescing.add(pipeline.encodeForCoalescing(message));
        }
        return pipeline.send(message);
    }

    /** A send whose caller does not wait: the linger applies when set. */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        if (lingering != null && isBatchable(message)) {
            return lingering.add(pipeline.encodeBatchMember(message));
        }
        return send(message);
    }

    /** Sends whatever waits for its linger now (on close). */
    public void flush() {
        if (lingering != null) {
            lingering.flushAll();
        }
    }

    /**
     * Delayed and priority messages and retry topics cannot share a batch; batch members are not compressed, so large bodies go
     * alone.
     */
    private boolean isBatchable(Message message) {
        return message != null && !message.isDelayed() && !message.hasPriority() && message.body() != null
                && message.body().length <= compressionThreshold && !message.topic().startsWith(Topics.RETRY_PREFIX);
    }

    private record PipelineSends(SendPipeline pipeline) implements CoalescedSends {
        @Override
        public CompletableFuture<SendResult> single(OutgoingMessage message, long budgetMillis) {
            return pipeline.sendEncoded(message, budgetMillis);
        }

        @Override
        public CompletableFuture<List<SendResult>> batch(List<OutgoingMessage> messages, long budgetMillis) {
            return pipeline.sendEncodedBatch(messages, budgetMillis);
        }

        @Override
        public boolean fitsBatch(OutgoingMessage message) {
            return pipeline.fitsBatch(message);
        }
    }
}
