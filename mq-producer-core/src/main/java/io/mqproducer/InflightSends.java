package io.mqproducer;

import io.mqproducer.error.ProducerBusyException;
import io.mqproducer.internal.Failures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Counts sends in progress, so close() can wait for them, and bounds the async ones. */
final class InflightSends {
    /** How often close() looks whether the last send finished; waiting is rare, counting is on every send. */
    private static final long IDLE_POLL_MILLIS = 5;

    private final Semaphore asyncSlots;
    private final int maxAsync;
    private final AtomicInteger count = new AtomicInteger();

    InflightSends(int maxAsync) {
        this.maxAsync = maxAsync;
        this.asyncSlots = new Semaphore(maxAsync);
    }

    /** Waits up to {@code timeout} for an async slot; throws ProducerBusyException when none frees up. */
    void acquireAsyncSlot(Duration timeout) {
        try {
            if (!asyncSlots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProducerBusyException(maxAsync + " async sends are already in flight and none finished within "
                        + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProducerBusyException("interrupted while waiting for an async send slot");
        }
    }

    void releaseAsyncSlot() {
        asyncSlots.release();
    }

    void increment() {
        count.incrementAndGet();
    }

    void decrement() {
        count.decrementAndGet();
    }

    /** Counts the send as in flight until its future completes; {@code afterDone} runs right after the count drops. */
    <T> CompletableFuture<T> track(Supplier<CompletableFuture<T>> send, Runnable afterDone) {
        count.incrementAndGet();
        CompletableFuture<T> future;
        try {
            future = send.get();
        } catch (RuntimeException e) {
            count.decrementAndGet();
            afterDone.run();
            return CompletableFuture.failedFuture(Failures.asProducerException(e));
        }
        // The caller sees the result only after the count dropped, so inflightSends() never lags behind it.
        return future.whenComplete((r, e) -> {
            count.decrementAndGet();
            afterDone.run();
        });
    }

    int count() {
        return count.get();
    }

    /** Waits until no send is in progress or {@code timeoutMillis} passed. */
    void awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (count.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(IDLE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
