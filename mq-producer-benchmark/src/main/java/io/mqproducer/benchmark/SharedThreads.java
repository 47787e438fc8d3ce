package io.mqproducer.benchmark;

/**
 * Netty's process-wide helper threads, which whichever client uses Netty at the moment may start. Only one client is
 * alive per run, so both clients claim them; they do next to nothing in a send loop.
 */
final class SharedThreads {

    private SharedThreads() {
    }

    /** Whether the name is Netty's global event executor or its object cleaner. */
    static boolean isNettyShared(String threadName) {
        return threadName.startsWith("globalEventExecutor-") || threadName.equals("ObjectCleanerThread");
    }
}
