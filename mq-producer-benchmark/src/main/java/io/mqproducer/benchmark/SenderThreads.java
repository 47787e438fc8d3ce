package io.mqproducer.benchmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The benchmark's own sending threads; their ids let the thread accounting charge them to the client they drive. */
final class SenderThreads {
    /** Every sender thread's name starts with this. */
    static final String NAME_PREFIX = "benchmark-sender-";

    private final List<Thread> threads = new ArrayList<>();
    private final Set<Long> ids = new HashSet<>();

    /** Starts {@code count} daemon threads running {@code body}. */
    static SenderThreads start(int count, SenderBody body) {
        SenderThreads senders = new SenderThreads();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                try {
                    body.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, NAME_PREFIX + i);
            thread.setDaemon(true);
            senders.threads.add(thread);
            senders.ids.add(thread.getId());
            thread.start();
        }
        return senders;
    }

    boolean contains(long threadId) {
        return ids.contains(threadId);
    }

    void join() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** A sender's loop. */
    @FunctionalInterface
    interface SenderBody {
        void run() throws InterruptedException;
    }
}
