package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.internal.encode.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The batch being filled for one topic, and the timer that sends it when the linger is over. */
final class TopicBuffer {
    private final CoalescedSends sends;
    private final long timeoutMillis;
    private final ScheduledExecutorService scheduler;
    private final AsyncBatcher.BatchLimits limits;

    private List<OutgoingMessage> messages = new ArrayList<>();
    private List<CompletableFuture<SendResult>> results = new ArrayList<>();
    private int bytes;
    private ScheduledFuture<?> lingerTimer;

    TopicBuffer(CoalescedSends sends, long timeoutMillis,
                ScheduledExecutorService scheduler, AsyncBatcher.BatchLimits limits) {
        this.sends = sends;
        this.timeoutMillis = timeoutMillis;
        this.scheduler = scheduler;
        this.limits = limits;
    }

    void add(OutgoingMessage message, CompletableFuture<SendResult> result) {
        int size = message.body().length + BatchCompletion.MEMBER_OVERHEAD;
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
    private record Pending(List<OutgoingMessage> messages, List<CompletableFuture<SendResult>> results) {
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
        BatchCompletion.start(() -> sends.batch(batch.messages(), timeoutMillis)).whenComplete((sendResults, error) -> {
            if (error != null && BatchCompletion.refusedAsAWhole(error)) {
                long[] budgets = new long[batch.messages().size()];
                java.util.Arrays.fill(budgets, timeoutMillis);
                BatchCompletion.sendEachAlone(sends, batch.messages(), batch.results(), budgets);
                return;
            }
            BatchCompletion.complete(batch.results(), sendResults, error);
        });
    }
}
