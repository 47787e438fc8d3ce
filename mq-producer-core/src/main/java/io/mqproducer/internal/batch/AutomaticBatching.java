package io.mqproducer.internal.batch;

import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.internal.deliver.Deliverer;
import io.mqproducer.internal.encode.OutgoingMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The coalescing step of round-robin sends: puts encoded messages that may share a request into the batching the
 * options turn on (the linger of {@link AsyncBatcher} for async sends, the adaptive batching of
 * {@link SendCoalescer} for the rest) and hands everything else to delivery as it is.
 */
public final class AutomaticBatching {
    private final Deliverer deliverer;
    private final long timeoutMillis;
    private final AsyncBatcher lingering;
    private final SendCoalescer coalescing;

    public AutomaticBatching(Deliverer deliverer, ProducerOptions options, ScheduledExecutorService scheduler) {
        this.deliverer = deliverer;
        this.timeoutMillis = options.sendTimeout().toMillis();
        int batchMaxBytes = Math.min(options.batchMaxBytes(), options.maxMessageSize());
        CoalescedSends sends = new DelivererSends(deliverer);
        this.lingering = options.batchLinger().isZero() ? null : new AsyncBatcher(sends, timeoutMillis, scheduler,
                new AsyncBatcher.BatchLimits(options.batchLinger().toNanos() / 1000, options.batchMaxMessages(),
                        batchMaxBytes));
        this.coalescing = !options.adaptiveBatching() ? null : new SendCoalescer(sends, timeoutMillis,
                options.batchMaxMessages(), batchMaxBytes);
    }

    /** A send whose caller waits for it: adaptive batching applies when on. */
    public CompletableFuture<SendResult> send(OutgoingMessage message) {
        if (coalescing != null && message.batchable()) {
            return coalescing.add(message);
        }
        return deliverer.deliver(message, null, timeoutMillis);
    }

    /** A send whose caller does not wait: the linger applies when set, else as {@link #send}. */
    public CompletableFuture<SendResult> sendAsync(OutgoingMessage message) {
        if (lingering != null && message.batchable()) {
            return lingering.add(message);
        }
        return send(message);
    }

    /** Sends whatever waits for its linger now (on close). */
    public void flush() {
        if (lingering != null) {
            lingering.flushAll();
        }
    }

    private record DelivererSends(Deliverer deliverer) implements CoalescedSends {
        @Override
        public CompletableFuture<SendResult> single(OutgoingMessage message, long budgetMillis) {
            return deliverer.deliver(message, null, budgetMillis);
        }

        @Override
        public CompletableFuture<List<SendResult>> batch(List<OutgoingMessage> messages, long budgetMillis) {
            return deliverer.deliverBatch(messages, budgetMillis);
        }
    }
}
