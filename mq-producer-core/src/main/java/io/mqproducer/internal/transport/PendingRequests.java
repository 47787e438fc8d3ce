package io.mqproducer.internal.transport;

import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Requests of one connection that are written or being written and not yet finished, by opaque. Only the
 * connection's event loop touches the table (requests are added as they are written, responses and write
 * results arrive there too), so it needs no locking; only its size is read from other threads. Every entry
 * leaves exactly once: by its response, its write failure, its deadline or the connection closing.
 */
final class PendingRequests {
    private final IntObjectHashMap<OutboundRequest> byOpaque = new IntObjectHashMap<>();
    private volatile int size;

    void add(OutboundRequest request) {
        byOpaque.put(request.opaque(), request);
        size = byOpaque.size();
    }

    /** Completes the request the response belongs to; false if it was already gone (timed out). */
    boolean complete(RemotingCommand response) {
        OutboundRequest request = remove(response.opaque());
        if (request == null) {
            return false;
        }
        request.succeed(response);
        return true;
    }

    /** Removes the request with {@code opaque}; null if it already left. */
    OutboundRequest remove(int opaque) {
        OutboundRequest request = byOpaque.remove(opaque);
        if (request != null) {
            size = byOpaque.size();
        }
        return request;
    }

    /** Fails every request whose deadline passed. */
    void expire(long nowNanos) {
        List<OutboundRequest> expired = null;
        for (OutboundRequest request : byOpaque.values()) {
            if (nowNanos - request.deadlineNanos >= 0) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(request);
            }
        }
        if (expired != null) {
            for (OutboundRequest request : expired) {
                remove(request.opaque());
                request.fail(request.timeoutError());
            }
        }
    }

    void failAll(Function<Integer, ProducerException> error) {
        List<OutboundRequest> all = new ArrayList<>(byOpaque.values());
        byOpaque.clear();
        size = 0;
        for (OutboundRequest request : all) {
            request.fail(error.apply(request.opaque()));
        }
    }

    boolean isEmpty() {
        return byOpaque.isEmpty();
    }

    /** Safe from any thread. */
    int size() {
        return size;
    }
}
