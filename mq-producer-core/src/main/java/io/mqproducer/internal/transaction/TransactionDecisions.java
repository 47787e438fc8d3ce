package io.mqproducer.internal.transaction;

import io.mqproducer.TransactionState;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The commits and rollbacks this producer decided recently, so that the broker's check-back is answered with the
 * decision already made instead of asking the application's checker again.
 *
 * <p>Why: a RocketMQ 5 proxy forwards remoting sends to the broker as they are and keeps no record of a half message,
 * so it cannot route the END_TRANSACTION that follows and the commit is lost (apache/rocketmq#8313). The broker then
 * checks the half message back through the proxy, which records it on the way; the answer to that check does arrive.
 * Answering it from here makes the commit take effect without depending on a checker that may decide differently or
 * not exist. Against brokers without a proxy this also covers an END_TRANSACTION lost on the network.
 *
 * <p>Entries live for {@link #RETENTION_MILLIS} (the broker stops checking after 15 checks a minute apart by default)
 * and at most {@link #MAX_ENTRIES} are kept, oldest dropped first. Thread-safe.
 */
public final class TransactionDecisions {

    static final long RETENTION_MILLIS = 20 * 60_000L;
    static final int MAX_ENTRIES = 50_000;

    private final LongSupplier clockMillis;
    private final int maxEntries;
    private final Map<String, Decision> decisions = new LinkedHashMap<>();

    TransactionDecisions(LongSupplier clockMillis) {
        this(clockMillis, MAX_ENTRIES);
    }

    TransactionDecisions(LongSupplier clockMillis, int maxEntries) {
        this.clockMillis = clockMillis;
        this.maxEntries = maxEntries;
    }

    /** Remembers a final decision for {@code transactionId}; UNKNOWN is no decision and is not kept. */
    synchronized void record(String transactionId, TransactionState state) {
        if (transactionId == null || state == TransactionState.UNKNOWN) {
            return;
        }
        long now = clockMillis.getAsLong();
        decisions.remove(transactionId); // re-inserted at the end: the order stays the order of decisions
        decisions.put(transactionId, new Decision(state, now));
        evict(now);
    }

    /** The decision made for {@code transactionId} within the retention time, or null. */
    synchronized TransactionState lookup(String transactionId) {
        if (transactionId == null) {
            return null;
        }
        evict(clockMillis.getAsLong());
        Decision decision = decisions.get(transactionId);
        return decision == null ? null : decision.state();
    }

    synchronized int size() {
        return decisions.size();
    }

    private void evict(long now) {
        Iterator<Decision> oldestFirst = decisions.values().iterator();
        while (oldestFirst.hasNext()) {
            Decision oldest = oldestFirst.next();
            if (decisions.size() <= maxEntries && now - oldest.atMillis() < RETENTION_MILLIS) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private record Decision(TransactionState state, long atMillis) {
    }
}
