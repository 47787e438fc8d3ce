package io.mqproducer.internal.batch;

import io.mqproducer.SendResult;
import io.mqproducer.error.PartialBatchException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Hands each sender of an automatic batch its own outcome. */
final class BatchCompletion {
    /** Bytes a batch member takes beyond its body: fixed fields and a typical property string. */
    static final int MEMBER_OVERHEAD = 24 + 64;

    private BatchCompletion() {
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
