package io.mqproducer.internal.transport;

import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.util.Timeout;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Requests of one connection that await their response, by opaque. Every entry leaves the table exactly
 * once: by its response, its timeout, a write failure or the connection closing.
 */
final class PendingRequests {
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

    record Pending(CompletableFuture<RemotingCommand> future, Timeout timeout) {
    }

    void add(int opaque, CompletableFuture<RemotingCommand> future, Timeout timeout) {
        pending.put(opaque, new Pending(future, timeout));
    }

    /** Completes the request the response belongs to; false if it was already gone (timed out). */
    boolean complete(RemotingCommand response) {
        Pending entry = pending.remove(response.opaque());
        if (entry == null) {
            return false;
        }
        entry.timeout().cancel();
        entry.future().complete(response);
        return true;
    }

    void fail(int opaque, Throwable error) {
        Pending entry = pending.remove(opaque);
        if (entry != null) {
            entry.timeout().cancel();
            entry.future().completeExceptionally(error);
        }
    }

    void failAll(Function<Integer, Throwable> error) {
        for (Integer opaque : pending.keySet()) {
            fail(opaque, error.apply(opaque));
        }
    }

    int size() {
        return pending.size();
    }
}
