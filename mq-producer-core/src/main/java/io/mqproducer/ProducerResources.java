package io.mqproducer;

import io.mqproducer.error.InvalidOptionsException;

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
    private final ResourceThreads threads;
    private final int callbackThreads;
    private volatile boolean closed;

    private ProducerResources(int ioThreads, int callbackThreads) {
        this.threads = new ResourceThreads(ioThreads, callbackThreads);
        this.callbackThreads = callbackThreads;
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
        return threads.ioThreads();
    }

    /** Threads that complete async sends and run transaction checks. */
    public int callbackThreads() {
        return callbackThreads;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** The threads, for the producers that run on them. */
    ResourceThreads threads() {
        return threads;
    }

    /** Stops the threads: queued callbacks run first (up to 2 s). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        threads.shutdown();
    }

    @Override
    public String toString() {
        return "ProducerResources[ioThreads=" + ioThreads() + ", callbackThreads=" + callbackThreads
                + (closed ? ", closed" : "") + "]";
    }
}
