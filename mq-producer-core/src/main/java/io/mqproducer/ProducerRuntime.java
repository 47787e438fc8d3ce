package io.mqproducer;

import io.mqproducer.internal.transport.EventLoops;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The producer's threads: event loops, a scheduler for route refreshes and heartbeats, and the pool that runs
 * callbacks. Its own unless {@link ProducerOptions#resources()} shares an application's; shared threads are left
 * running on stop, only this producer's periodic tasks are cancelled.
 */
final class ProducerRuntime {
    /** Brokers drop a client they have not heard from for 120 s; RocketMQ's own client beats every 30 s. */
    private static final long HEARTBEAT_INTERVAL_MILLIS = 30_000;

    private final EventLoops eventLoops;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callbacks;
    private final boolean owned;
    private final List<ScheduledFuture<?>> periodic = new ArrayList<>();

    ProducerRuntime(ProducerOptions options) {
        ProducerResources shared = options.resources();
        this.owned = shared == null;
        if (owned) {
            this.eventLoops = EventLoops.create(options.ioThreads());
            this.scheduler = newScheduler();
            this.callbacks = newCallbackPool(Math.max(2, options.ioThreads()));
        } else {
            if (shared.isClosed()) {
                throw new io.mqproducer.error.ProducerClosedException("the shared " + shared + " are closed");
            }
            this.eventLoops = shared.threads().eventLoops();
            this.scheduler = shared.threads().scheduler();
            this.callbacks = shared.threads().callbacks();
        }
    }

    static ScheduledExecutorService newScheduler() {
        return Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("mq-producer-scheduler", true));
    }

    static ExecutorService newCallbackPool(int threads) {
        return Executors.newFixedThreadPool(threads, new DefaultThreadFactory("mq-producer-callback", true));
    }

    /** Starts the periodic route refresh and heartbeat. */
    void schedule(long routeRefreshMillis, Runnable routeRefresh, Runnable heartbeat) {
        periodic.add(scheduler.scheduleWithFixedDelay(routeRefresh, routeRefreshMillis, routeRefreshMillis,
                TimeUnit.MILLISECONDS));
        periodic.add(scheduler.scheduleWithFixedDelay(heartbeat, HEARTBEAT_INTERVAL_MILLIS, HEARTBEAT_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS));
    }

    EventLoops eventLoops() {
        return eventLoops;
    }

    /** Whether the event loops (and the other threads) are this producer's, to stop on close. */
    boolean owned() {
        return owned;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService callbacks() {
        return callbacks;
    }

    void stopScheduler() {
        periodic.forEach(task -> task.cancel(false));
        if (owned) {
            scheduler.shutdownNow();
        }
    }

    /** Lets queued callbacks run, then stops the pool (a shared pool keeps running). */
    void stopCallbacks() {
        if (!owned) {
            return;
        }
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
