package io.mqproducer;

import io.mqproducer.error.InvalidOptionsException;
import io.mqproducer.internal.transport.EventLoops;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Threads that several producers of one application can share: the network event loops, the scheduler (route
 * refreshes, heartbeats, batch linger) and the callback pool (async completions, transaction checks). Without it
 * every producer starts its own set; with it, ten producers cost one set of threads instead of ten.
 *
 * <p>Give it to each producer with {@link ProducerOptions.Builder#resources(ProducerResources)}; its
 * {@link ProducerOptions#ioThreads()} is then ignored. The application owns it: close it after every producer that
 * uses it is closed (closing a producer leaves shared threads running). A producer cannot start on closed resources.
 */
public final class ProducerResources implements AutoCloseable {
    private final EventLoops eventLoops;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callbacks;
    private final int callbackThreads;
    private volatile boolean closed;

    private ProducerResources(int ioThreads, int callbackThreads) {
        this.eventLoops = EventLoops.create(ioThreads);
        this.callbackThreads = callbackThreads;
        this.scheduler = ProducerRuntime.newScheduler();
        this.callbacks = ProducerRuntime.newCallbackPool(callbackThreads);
    }

    /** Sized like one producer's own threads: min(4, cores) event loops, as many callback threads (at least 2). */
    public static ProducerResources create() {
        int ioThreads = Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors()));
        return create(ioThreads, Math.max(2, ioThreads));
    }

    /**
     * Shared threads of the given counts.
     *
     * @throws InvalidOptionsException if a count is below 1
     */
    public static ProducerResources create(int ioThreads, int callbackThreads) {
        if (ioThreads < 1 || callbackThreads < 1) {
            throw new InvalidOptionsException("io and callback threads must be >= 1, were " + ioThreads + " and "
                    + callbackThreads);
        }
        return new ProducerResources(ioThreads, callbackThreads);
    }

    /** Network event-loop threads. */
    public int ioThreads() {
        return eventLoops.threads();
    }

    /** Threads that complete async sends and run transaction checks. */
    public int callbackThreads() {
        return callbackThreads;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    EventLoops eventLoops() {
        return eventLoops;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService callbacks() {
        return callbacks;
    }

    /** Stops the threads: queued callbacks run first (up to 2 s). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        eventLoops.shutdown();
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ProducerResources[ioThreads=" + ioThreads() + ", callbackThreads=" + callbackThreads
                + (closed ? ", closed" : "") + "]";
    }
}
