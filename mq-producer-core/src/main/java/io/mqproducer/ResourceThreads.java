package io.mqproducer;

import io.mqproducer.internal.transport.EventLoops;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The threads behind a {@link ProducerResources}: event loops, scheduler, callback pool. */
final class ResourceThreads {
    private final EventLoops eventLoops;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callbacks;

    ResourceThreads(int ioThreads, int callbackThreads) {
        this.eventLoops = EventLoops.create(ioThreads);
        this.scheduler = ProducerRuntime.newScheduler();
        this.callbacks = ProducerRuntime.newCallbackPool(callbackThreads);
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

    int ioThreads() {
        return eventLoops.threads();
    }

    /** Stops the threads: queued callbacks run first (up to 2 s). */
    void shutdown() {
        scheduler.shutdownNow();
        eventLoops.shutdown();
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
