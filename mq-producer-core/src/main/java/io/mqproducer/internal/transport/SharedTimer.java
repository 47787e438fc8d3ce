package io.mqproducer.internal.transport;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One wheel timer for every client in the JVM, started with the first and stopped with the last: a timer is a
 * thread, and an application (or a test suite) with many producers should not have one each.
 */
final class SharedTimer {
    private static HashedWheelTimer timer;
    private static int users;

    private SharedTimer() {
    }

    static synchronized Timer acquire() {
        if (users++ == 0) {
            timer = new HashedWheelTimer(new DefaultThreadFactory("mq-producer-timer", true), 10, TimeUnit.MILLISECONDS);
        }
        return timer;
    }

    static synchronized void release() {
        if (users > 0 && --users == 0) {
            timer.stop();
            timer = null;
        }
    }
}
