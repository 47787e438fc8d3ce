package io.mqproducer;

import io.mqproducer.error.DeliveryTimeoutException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.WaitInterruptedException;
import io.mqproducer.internal.Failures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sync sends are bounded waits on the one async path. A failure is thrown as a copy made on the caller's thread
 * (same type and message, the original as its cause), so the caller's stack is in the trace.
 */
final class SyncWait {
    /** The pipeline bounds itself by the send timeout; this margin only guards against a bug there. */
    private static final long GUARD_MILLIS = 1000;

    private SyncWait() {
    }

    /**
     * A copy made here, on the caller's thread: the original was usually made on a network thread, and its stack
     * says nothing of the caller. Earlier attempts' errors stay attached to the copy too, where callers look.
     */
    static ProducerException onCallersThread(ProducerException original) {
        ProducerException copy = original.copyForRethrow();
        for (Throwable earlier : original.getSuppressed()) {
            copy.addSuppressed(earlier);
        }
        return copy;
    }

    static <T> T await(CompletableFuture<T> future, Duration sendTimeout) {
        try {
            return future.get(sendTimeout.toMillis() + GUARD_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw onCallersThread(Failures.asProducerException(e));
        } catch (TimeoutException e) {
            throw new DeliveryTimeoutException("no result within the send timeout of " + sendTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("interrupted while waiting for the broker", e);
        }
    }
}
