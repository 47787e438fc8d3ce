package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.error.DeliveryTimeoutException;
import io.mqproducer.internal.encode.OutgoingMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Adaptive batching for one topic: a send goes out at once while fewer requests for the topic are outstanding than
 * its {@link InflightLimit} allows; otherwise it waits, and when a request returns, everything that waited meanwhile
 * goes out as one batch. Without concurrency nothing waits; under load, batches grow with it and the broker sees fewer,
 * larger requests. Waiting counts against each message's send timeout: a batch gets what is left of its members'
 * earliest deadline, and a message whose timeout ran out while it waited fails without being sent.
 */
final class CoalescingQueue {
    private final CoalescedSends sends;
    private final long timeoutNanos;
    private final InflightLimit limit;
    private final int maxMessages;
    private final int maxBytes;
    private final LongSupplier nanoClock;

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int inflight;

    private record Waiting(OutgoingMessage message, CompletableFuture<SendResult> result, int size,
                           long deadlineNanos) {
    }

    CoalescingQueue(CoalescedSends sends, long timeoutMillis, InflightLimit limit, int maxMessages, int maxBytes) {
        this(sends, timeoutMillis, limit, maxMessages, maxBytes, System::nanoTime);
    }

    CoalescingQueue(CoalescedSends sends, long timeoutMillis, InflightLimit limit, int maxMessages, int maxBytes,
                    LongSupplier nanoClock) {
        this.sends = sends;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
        this.limit = limit;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.nanoClock = nanoClock;
    }

    CompletableFuture<SendResult> add(OutgoingMessage message) {
        if (takeFreeSlot()) {
            // the common case at low load: no waiting record, the whole timeout
            return sendInSlot(message, timeoutNanos / 1_000_000L, new CompletableFuture<>());
        }
        Waiting entry = new Waiting(message, new CompletableFuture<>(),
                message.body().length + BatchCompletion.MEMBER_OVERHEAD, nanoClock.getAsLong() + timeoutNanos);
        synchronized (this) {
            if (inflight >= limit.current()) {
                waiting.add(entry);
                return entry.result();
            }
            inflight++; // a slot came free meanwhile, and nobody else waits for it
        }
        send(List.of(entry));
        return entry.result();
    }

    private synchronized boolean takeFreeSlot() {
        if (inflight >= limit.current()) {
            return false;
        }
        inflight++;
        return true;
    }

    /** Sends {@code batch} in the slot its caller holds; gives the slot on when the request returns. */
    private void send(List<Waiting> batch) {
        List<Waiting> live = dropExpired(batch);
        if (live.isEmpty()) {
            requestReturned();
            return;
        }
        long budgetMillis = millisLeft(earliestDeadline(live), nanoClock.getAsLong());
        if (live.size() == 1) {
            sendInSlot(live.get(0).message(), budgetMillis, live.get(0).result());
            return;
        }
        List<OutgoingMessage> messages = new ArrayList<>(live.size());
        List<CompletableFuture<SendResult>> callers = new ArrayList<>(live.size());
        for (Waiting entry : live) {
            messages.add(entry.message());
            callers.add(entry.result());
        }
        BatchCompletion.start(() -> sends.batch(messages, budgetMillis)).whenComplete((results, error) -> {
            if (error != null && BatchCompletion.refusedAsAWhole(error)) {
                sendEachAlone(live);
                return;
            }
            requestReturned();
            BatchCompletion.complete(callers, results, error);
        });
    }

    /** Sends {@code message} alone in the slot its caller holds and completes {@code caller} with the outcome. */
    private CompletableFuture<SendResult> sendInSlot(OutgoingMessage message, long budgetMillis,
                                                     CompletableFuture<SendResult> caller) {
        BatchCompletion.start(() -> sends.single(message, budgetMillis)).whenComplete((result, error) -> {
            requestReturned(); // the next batch leaves before this caller is woken
            if (error == null) {
                caller.complete(result);
            } else {
                caller.completeExceptionally(error);
            }
        });
        return caller;
    }

    /** The broker refused the batch as such: each message goes alone, in the same slot. */
    private void sendEachAlone(List<Waiting> batch) {
        List<Waiting> live = dropExpired(batch);
        List<OutgoingMessage> messages = new ArrayList<>(live.size());
        List<CompletableFuture<SendResult>> callers = new ArrayList<>(live.size());
        long[] budgets = new long[live.size()];
        long now = nanoClock.getAsLong();
        for (int i = 0; i < live.size(); i++) {
            messages.add(live.get(i).message());
            callers.add(live.get(i).result());
            budgets[i] = millisLeft(live.get(i).deadlineNanos(), now);
        }
        BatchCompletion.sendEachAlone(sends, messages, callers, budgets)
                .whenComplete((ignored, error) -> requestReturned());
    }

    /** A request finished: its slot goes to whatever waited meanwhile, or is given back. */
    private void requestReturned() {
        List<Waiting> next;
        synchronized (this) {
            limit.requestReturned(waiting.size());
            if (waiting.isEmpty() || inflight > limit.current()) { // the limit went down: this slot closes
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

    private List<Waiting> dropExpired(List<Waiting> batch) {
        long now = nanoClock.getAsLong();
        List<Waiting> live = batch;
        for (Waiting entry : batch) {
            if (now - entry.deadlineNanos() >= 0) {
                if (live == batch) {
                    live = new ArrayList<>(batch);
                }
                live.remove(entry);
                entry.result().completeExceptionally(new DeliveryTimeoutException("send to topic "
                        + entry.message().source().topic() + " timed out while waiting to share a batch request"
                        + " with other sends (" + timeoutNanos / 1_000_000L + " ms)", null));
            }
        }
        return live;
    }

    /** Whole milliseconds left until {@code deadlineNanos}, rounded up: a send that did not wait keeps its timeout. */
    private static long millisLeft(long deadlineNanos, long nowNanos) {
        return Math.max(1, (deadlineNanos - nowNanos + 999_999L) / 1_000_000L);
    }

    private static long earliestDeadline(List<Waiting> batch) {
        long earliest = batch.get(0).deadlineNanos();
        for (Waiting entry : batch) {
            if (entry.deadlineNanos() - earliest < 0) {
                earliest = entry.deadlineNanos();
            }
        }
        return earliest;
    }
}
