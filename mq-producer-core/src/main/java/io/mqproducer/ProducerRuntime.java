package io.mqproducer;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The producer's own threads: a scheduler for route refreshes and heartbeats, and the pool that runs callbacks. */
final class ProducerRuntime {
    /** Brokers drop a client they have not heard from for 120 s; RocketMQ's own client beats every 30 s. */
    private static final long HEARTBEAT_INTERVAL_MILLIS = 30_000;

    private final ScheduledExecutorService scheduler;
    private final ExecutorService callbacks;

    ProducerRuntime(ProducerOptions options) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("mq-producer-scheduler", true));
        this.callbacks = Executors.newFixedThreadPool(Math.max(2, options.ioThreads()),
                new DefaultThreadFactory("mq-producer-callback", true));
    }

    /** Starts the periodic route refresh and heartbeat. */
    void schedule(long routeRefreshMillis, Runnable routeRefresh, Runnable heartbeat) {
        scheduler.scheduleWithFixedDelay(routeRefresh, routeRefreshMillis, routeRefreshMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(heartbeat, HEARTBEAT_INTERVAL_MILLIS, HEARTBEAT_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
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
