package io.mqproducer;

import io.mqproducer.internal.Failures;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Completes the futures async callers hold on the callback pool, never on a network thread, so user code never
 * blocks I/O. Completions are queued and a pool task completes whatever has gathered, in order: a batch answer that
 * completes hundreds of sends costs one hand-off, not hundreds.
 */
final class CallbackHandOff {
    /** Completions per pool task before it yields the thread (other work in the pool gets a turn). */
    private static final int MAX_PER_TASK = 256;

    private final Executor pool;
    private final Queue<Completion<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    private record Completion<T>(CompletableFuture<T> future, T result, Throwable error) {
        void run() {
            if (error == null) {
                future.complete(result);
            } else {
                future.completeExceptionally(Failures.asProducerException(error));
            }
        }
    }

    CallbackHandOff(Executor pool) {
        this.pool = pool;
    }

    /** Completes {@code future} with the outcome, soon, on a pool thread (here if the pool is shut down). */
    <T> void complete(CompletableFuture<T> future, T result, Throwable error) {
        queue.offer(new Completion<>(future, result, error));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(drain);
            } catch (RejectedExecutionException closing) {
                drainAll(); // closing: complete here rather than never
            }
        }
    }

    private void drain() {
        for (int i = 0; i < MAX_PER_TASK; i++) {
            Completion<?> next = queue.poll();
            if (next == null) {
                break;
            }
            next.run();
        }
        scheduled.set(false);
        if (!queue.isEmpty()) {
            schedule(); // more arrived, or this task stopped at its limit
        }
    }

    private void drainAll() {
        Completion<?> next;
        while ((next = queue.poll()) != null) {
            next.run();
        }
        scheduled.set(false);
    }
}
