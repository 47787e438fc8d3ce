package io.mqproducer.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counts failed sends and keeps the first failure, to be shown once rather than per send. */
final class FailureTally {
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Throwable> first = new AtomicReference<>();

    void add(Throwable failure) {
        count.incrementAndGet();
        first.compareAndSet(null, failure);
    }

    void addUnknown(long failures, String why) {
        if (failures > 0) {
            count.addAndGet(failures);
            first.compareAndSet(null, new IllegalStateException(why));
        }
    }

    long count() {
        return count.get();
    }

    /** Prints the first failure to stderr, if there was one. */
    void report(String run) {
        Throwable failure = first.get();
        if (failure != null) {
            System.err.println("  " + run + ": " + count.get() + " failed sends; first: " + failure);
        }
    }
}
