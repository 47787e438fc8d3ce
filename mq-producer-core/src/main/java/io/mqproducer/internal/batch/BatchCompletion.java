package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.PartialBatchException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.encode.OutgoingMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Hands each sender of an automatic batch its own outcome, and sends the members alone when the broker refuses it. */
final class BatchCompletion {
    /** Bytes a batch member takes beyond its body: fixed fields and a typical property string. */
    static final int MEMBER_OVERHEAD = 24 + 64;

    private BatchCompletion() {
    }

    /**
     * Whether the broker refused a batch as such, storing nothing: its size limit may be below this client's, or one
     * member breaks a rule only the broker checks. The members may well go through one by one.
     */
    static boolean refusedAsAWhole(Throwable error) {
        return Failures.unwrap(error) instanceof BrokerRejectedException rejected
                && ResponseCode.isSizeRefusal(rejected.code(), rejected.remark());
    }

    /** Starts a request; a sender that throws instead of returning a failed future fails the future too. */
    static <T> CompletableFuture<T> start(java.util.function.Supplier<CompletableFuture<T>> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends each message alone, each within its budget, and completes its caller with its own outcome; the returned
     * future completes once all have.
     */
    static CompletableFuture<Void> sendEachAlone(CoalescedSends sends, List<OutgoingMessage> messages,
                                                 List<CompletableFuture<SendResult>> callers, long[] budgetsMillis) {
        CompletableFuture<?>[] done = new CompletableFuture<?>[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            OutgoingMessage message = messages.get(i);
            CompletableFuture<SendResult> caller = callers.get(i);
            long budget = budgetsMillis[i];
            done[i] = start(() -> sends.single(message, budget)).whenComplete((result, error) -> {
                if (error == null) {
                    caller.complete(result);
                } else {
                    caller.completeExceptionally(Failures.asProducerException(error));
                }
            });
        }
        return CompletableFuture.allOf(done);
    }

    /**
     * Completes {@code callers} in batch order: with their results, or, after a failure, those the broker stored
     * (the first parts of a split batch) with theirs and the rest with the error.
     */
    static void complete(List<CompletableFuture<SendResult>> callers, List<SendResult> results, Throwable error) {
        List<SendResult> stored = results;
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
    }
}
