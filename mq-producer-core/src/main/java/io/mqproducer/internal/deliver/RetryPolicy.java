package io.mqproducer.internal.deliver;

import io.mqproducer.MessageQueue;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.protocol.ResponseCode;
import java.util.Set;

/**
 * The retry rule of every send, in one place: which failures another attempt may cure, when attempts stop, and what
 * the next attempt avoids (the broker that just failed) or waits for (a fresh route).
 */
final class RetryPolicy {
    /** Broker answers after which the same message may well succeed on another broker or a fresher route. */
    private static final Set<Integer> RETRIABLE_CODES = Set.of(ResponseCode.SYSTEM_ERROR,
            ResponseCode.SERVICE_NOT_AVAILABLE, ResponseCode.TOPIC_NOT_EXIST, ResponseCode.NO_PERMISSION,
            ResponseCode.NO_BUYER_ID, ResponseCode.NOT_IN_CURRENT_UNIT);
    /** Answers that say the route is stale: the topic is not, or no longer, writable on that broker. */
    private static final Set<Integer> STALE_ROUTE_CODES = Set.of(ResponseCode.TOPIC_NOT_EXIST,
            ResponseCode.NO_PERMISSION, ResponseCode.NOT_IN_CURRENT_UNIT);

    /** What follows a failed attempt. */
    enum Next {
        /** The failure is final: not retriable, or the route itself could not be found (name servers were tried). */
        FAIL,
        /** Retriable, but every attempt was used. */
        EXHAUSTED,
        /** Retriable, but the send's budget ran out. */
        TIMED_OUT,
        /** Try again now, avoiding the broker that failed. */
        RETRY,
        /** Try again once the topic's route was refreshed, avoiding the broker that failed. */
        RETRY_ON_FRESH_ROUTE
    }

    private final int retries;

    /** @param retries attempts after the first one */
    RetryPolicy(int retries) {
        this.retries = retries;
    }

    /** Whether a broker's rejection with {@code code} and {@code remark} is worth another attempt. */
    static boolean isRetriable(int code, String remark) {
        return RETRIABLE_CODES.contains(code) && !ResponseCode.isSizeRefusal(code, remark);
    }

    /**
     * @param failure         why the last attempt failed
     * @param attempts        attempts made so far, the failed one included
     * @param remainingMillis what is left of the send's budget
     * @param failedQueue     the queue the attempt went to, or null if no queue was chosen (no route)
     */
    Next after(ProducerException failure, int attempts, long remainingMillis, MessageQueue failedQueue) {
        if (!failure.isRetriable()) {
            return Next.FAIL;
        }
        if (remainingMillis <= 0) {
            return Next.TIMED_OUT;
        }
        if (failedQueue == null) {
            return Next.FAIL;
        }
        if (attempts > retries) {
            return Next.EXHAUSTED;
        }
        return isStaleRoute(failure) ? Next.RETRY_ON_FRESH_ROUTE : Next.RETRY;
    }

    /** Whether the topic's route should be refreshed after this failure (whether or not the send retries). */
    static boolean refreshesRoute(ProducerException failure, MessageQueue failedQueue) {
        return failedQueue != null && failure.isRetriable();
    }

    /** The broker the next attempt avoids. */
    static String avoid(MessageQueue failedQueue) {
        return failedQueue == null ? null : failedQueue.brokerName();
    }

    private static boolean isStaleRoute(ProducerException failure) {
        return failure instanceof BrokerRejectedException rejected && STALE_ROUTE_CODES.contains(rejected.code());
    }
}
