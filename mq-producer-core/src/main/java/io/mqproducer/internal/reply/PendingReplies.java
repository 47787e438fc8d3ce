package io.mqproducer.internal.reply;

import io.mqproducer.ReplyMessage;
import io.mqproducer.error.ProducerBusyException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.RequestReplyTimeoutException;
import io.mqproducer.internal.Failures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests waiting for their reply, by correlation id. Bounded, and every entry leaves the table when its request
 * ends: by reply, by failure, or at its timeout (the JDK's delay scheduler, whose timer is cancelled on completion).
 */
final class PendingReplies {
    private final ConcurrentHashMap<String, CompletableFuture<ReplyMessage>> pending = new ConcurrentHashMap<>();
    private final int maxPending;

    PendingReplies(int maxPending) {
        this.maxPending = maxPending;
    }

    /**
     * Registers a request; the returned future completes with its reply, or fails with a
     * {@link RequestReplyTimeoutException} after {@code timeoutMillis}.
     *
     * @throws ProducerBusyException if {@code maxPending} requests are already waiting
     */
    CompletableFuture<ReplyMessage> register(String correlationId, long timeoutMillis) {
        if (pending.mappingCount() >= maxPending) {
            throw new ProducerBusyException(maxPending + " requests are already waiting for a reply");
        }
        CompletableFuture<ReplyMessage> reply = new CompletableFuture<>();
        if (pending.putIfAbsent(correlationId, reply) != null) {
            throw new IllegalStateException("correlation id " + correlationId + " is already in use");
        }
        // The entry is gone before the caller sees the outcome.
        return reply.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> pending.remove(correlationId, reply))
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(failure(Failures.unwrap(error),
                        correlationId, timeoutMillis)));
    }

    private static Throwable failure(Throwable cause, String correlationId, long timeoutMillis) {
        return cause instanceof TimeoutException ? new RequestReplyTimeoutException("no reply within " + timeoutMillis
                + " ms to request " + correlationId, correlationId) : cause;
    }

    /** Completes the request waiting for {@code correlationId}; false if none is (it timed out, or is not ours). */
    boolean complete(String correlationId, ReplyMessage reply) {
        CompletableFuture<ReplyMessage> waiting = correlationId == null ? null : pending.remove(correlationId);
        return waiting != null && waiting.complete(reply);
    }

    /** Fails the request waiting for {@code correlationId}, if any. */
    void fail(String correlationId, ProducerException error) {
        CompletableFuture<ReplyMessage> waiting = correlationId == null ? null : pending.remove(correlationId);
        if (waiting != null) {
            waiting.completeExceptionally(error);
        }
    }

    /** Fails every waiting request (the producer is closing). */
    void failAll(ProducerException error) {
        pending.keySet().forEach(id -> fail(id, error));
    }

    int size() {
        return pending.size();
    }
}
