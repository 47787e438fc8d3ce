package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.internal.send.OutgoingMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Adaptive batching for one topic: a send goes out at once while fewer than {@code maxInflight} requests for the
 * topic are outstanding; otherwise it waits, and when a request returns, everything that waited meanwhile goes out
 * as one batch. Without concurrency nothing waits; under load, batches grow with it and the broker sees fewer,
 * larger requests.
 */
final class CoalescingQueue {
    private final Function<OutgoingMessage, CompletableFuture<SendResult>> singleSender;
    private final Function<List<OutgoingMessage>, CompletableFuture<List<SendResult>>> batchSender;
    private final int maxInflight;
    private final int maxMessages;
    private final int maxBytes;

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int inflight;

    private record Waiting(OutgoingMessage message, CompletableFuture<SendResult> result, int size) {
    }

    CoalescingQueue(Function<OutgoingMessage, CompletableFuture<SendResult>> singleSender,
                    Function<List<OutgoingMessage>, CompletableFuture<List<SendResult>>> batchSender,
                    int maxInflight, int maxMessages, int maxBytes) {
        this.singleSender = singleSender;
        this.batchSender = batchSender;
        this.maxInflight = maxInflight;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    CompletableFuture<SendResult> add(OutgoingMessage message) {
        Waiting entry = new Waiting(message, new CompletableFuture<>(),
                message.body().length + BatchCompletion.MEMBER_OVERHEAD);
        synchronized (this) {
            if (inflight >= maxInflight) {
                waiting.add(entry);
                return entry.result();
            }
            inflight++;
        }
        send(List.of(entry));
        return entry.result();
    }

    /** Messages waiting for a request to return (for tests). */
    synchronized int waitingCount() {
        return waiting.size();
    }

    private void send(List<Waiting> batch) {
        if (batch.size() == 1) {
            Waiting only = batch.get(0);
            start(() -> singleSender.apply(only.message())).whenComplete((result, error) -> {
                requestReturned(); // the next batch leaves before this caller is woken
                if (error == null) {
                    only.result().complete(result);
                } else {
                    only.result().completeExceptionally(error);
                }
            });
            return;
        }
        List<OutgoingMessage> messages = new ArrayList<>(batch.size());
        List<CompletableFuture<SendResult>> callers = new ArrayList<>(batch.size());
        for (Waiting entry : batch) {
            messages.add(entry.message());
            callers.add(entry.result());
        }
        start(() -> batchSender.apply(messages)).whenComplete((results, error) -> {
            requestReturned();
            BatchCompletion.complete(callers, results, error);
        });
    }

    /** A request finished: its slot goes to whatever waited meanwhile, or is given back. */
    private void requestReturned() {
        List<Waiting> next;
        synchronized (this) {
            if (waiting.isEmpty()) {
                inflight--;
                return;
            }
            next = takeLocked();
        }
        send(next);
    }

    /** The oldest waiting messages, as many as the batch limits allow (at least one). */
    private List<Waiting> takeLocked() {
        List<Waiting> batch = new ArrayList<>(Math.min(waiting.size(), maxMessages));
        int bytes = 0;
        while (!waiting.isEmpty() && batch.size() < maxMessages
                && (batch.isEmpty() || bytes + waiting.peek().size() <= maxBytes)) {
            Waiting entry = waiting.poll();
            bytes += entry.size();
            batch.add(entry);
        }
        return batch;
    }

    private static <T> CompletableFuture<T> start(java.util.function.Supplier<CompletableFuture<T>> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
