package io.mqproducer;

import io.mqproducer.internal.route.TopicRouteCache;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The producer's own threads: a scheduler for route refreshes and the pool that completes async callers. */
final class ProducerRuntime {
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callbacks;

    ProducerRuntime(ProducerOptions options, TopicRouteCache routes) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("mq-producer-scheduler", true));
        this.callbacks = Executors.newFixedThreadPool(Math.max(2, options.ioThreads()),
                new DefaultThreadFactory("mq-producer-callback", true));
        long interval = options.routeRefreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(routes::refreshAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    ExecutorService callbacks() {
        return callbacks;
    }

    void stopScheduler() {
        scheduler.shutdownNow();
    }

    /** Lets queued callbacks run, then stops the pool. */
    void stopCallbacks() {
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
