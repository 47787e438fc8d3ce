package io.mqproducer;

import io.mqproducer.error.ProducerBusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Counts sends in progress, so close() can wait for them, and bounds the async ones. */
final class InflightSends {
    private final Semaphore asyncSlots;
    private final int maxAsync;
    private int count;

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

    synchronized void increment() {
        count++;
    }

    synchronized void decrement() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    /** Waits until no send is in progress or {@code timeoutMillis} passed. */
    synchronized void awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (count > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
