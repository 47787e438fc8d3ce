package io.mqproducer.test;

import java.util.concurrent.CompletableFuture;

/** Runs slow shutdown work on threads of their own, so that callers need not wait for RocketMQ's fixed sleeps. */
final class Background {

    private Background() {
    }

    /**
     * Runs each task on a new non-daemon thread, all at the same time: a JVM that ends normally still lets them finish.
     *
     * @return completes when every task has run, exceptionally if one threw
     */
    static CompletableFuture<Void> run(String threadName, Runnable... tasks) {
        CompletableFuture<?>[] done = new CompletableFuture<?>[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            done[i] = start(tasks.length == 1 ? threadName : threadName + "-" + (i + 1), tasks[i]);
        }
        return CompletableFuture.allOf(done);
    }

    private static CompletableFuture<Void> start(String threadName, Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, threadName);
        thread.start();
        return done;
    }
}
