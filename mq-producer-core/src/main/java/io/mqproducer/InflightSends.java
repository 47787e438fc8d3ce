package io.mqproducer;

/** Counts sends in progress so that close() can wait for them. */
final class InflightSends {
    private int count;

    synchronized void increment() {
        count++;
    }

    synchronized void decrement() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    /** Waits until no send is in progress or {@code timeoutMillis} passed. */
    synchronized void awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (count > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
