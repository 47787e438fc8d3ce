package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.error.PartialBatchException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The batch being filled for one topic, and the timer that sends it when the linger is over. */
final class TopicBuffer {
    /** Bytes a batch member takes beyond its body: fixed fields and a typical property string. */
    private static final int MEMBER_OVERHEAD = 24 + 64;

    private final Function<List<Message>, CompletableFuture<List<SendResult>>> batchSender;
    private final ScheduledExecutorService scheduler;
    private final AsyncBatcher.BatchLimits limits;

    private List<Message> messages = new ArrayList<>();
    private List<CompletableFuture<SendResult>> results = new ArrayList<>();
    private int bytes;
    private ScheduledFuture<?> lingerTimer;

    TopicBuffer(Function<List<Message>, CompletableFuture<List<SendResult>>> batchSender,
                ScheduledExecutorService scheduler, AsyncBatcher.BatchLimits limits) {
        this.batchSender = batchSender;
        this.scheduler = scheduler;
        this.limits = limits;
    }

    void add(Message message, CompletableFuture<SendResult> result) {
        int size = message.body().length + MEMBER_OVERHEAD;
        Pending overflow = null;
        Pending full = null;
        synchronized (this) {
            if (!messages.isEmpty() && bytes + size > limits.maxBytes()) {
                overflow = takeLocked();
            }
            messages.add(message);
            results.add(result);
            bytes += size;
            if (messages.size() >= limits.maxMessages()) {
                full = takeLocked();
            } else if (messages.size() == 1) {
                scheduleLocked();
            }
        }
        // Sent outside the lock, oldest first.
        if (overflow != null) {
            send(overflow);
        }
        if (full != null) {
            send(full);
        }
    }

    void flushNow() {
        Pending pending;
        synchronized (this) {
            if (messages.isEmpty()) {
                return;
            }
            pending = takeLocked();
        }
        send(pending);
    }

    private void scheduleLocked() {
        try {
            lingerTimer = scheduler.schedule(this::flushNow, limits.lingerMicros(), TimeUnit.MICROSECONDS);
        } catch (RejectedExecutionException closing) {
            lingerTimer = null; // the producer is closing: flushAll sends what is pending
        }
    }

    /** A batch taken out of the buffer, with the futures of its callers in the same order. */
    private record Pending(List<Message> messages, List<CompletableFuture<SendResult>> results) {
    }

    /** Hands out the pending batch and starts an empty one; the caller sends it outside the lock. */
    private Pending takeLocked() {
        Pending batch = new Pending(messages, results);
        messages = new ArrayList<>();
        results = new ArrayList<>();
        bytes = 0;
        if (lingerTimer != null) {
            lingerTimer.cancel(false);
            lingerTimer = null;
        }
        return batch;
    }

    private void send(Pending batch) {
        CompletableFuture<List<SendResult>> sent;
        try {
            sent = batchSender.apply(batch.messages());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((sendResults, error) -> {
            List<CompletableFuture<SendResult>> callers = batch.results();
            List<SendResult> stored = sendResults;
            ProducerException failure = null;
            if (error != null) {
                failure = Failures.asProducerException(error);
                stored = failure instanceof PartialBatchException partial ? partial.sent() : List.of();
            }
            for (int i = 0; i < callers.size(); i++) {
                if (i < stored.size()) {
                    callers.get(i).complete(stored.get(i));
                } else {
                    callers.get(i).completeExceptionally(failure);
                }
            }
        });
    }
}
