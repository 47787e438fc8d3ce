package io.mqproducer.internal.transport;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.TlsException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One TCP connection to one address: its connect attempt, the requests queued for writing and those awaiting
 * answers. Senders only enqueue; the event loop writes whatever is queued in one go and flushes once, so
 * concurrent senders share wake-ups and {@code write} system calls. Deadlines are checked by a sweep that runs
 * on the event loop while anything is outstanding, instead of a timer entry per request.
 */
final class Connection {
    /** How often outstanding requests are checked against their deadlines. */
    static final long SWEEP_INTERVAL_MILLIS = 10;

    private final String address;
    private final ChannelFuture connectFuture;
    private final PendingRequests pending;
    private final Queue<OutboundRequest> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final Runnable sweep = this::sweep;
    private boolean sweepScheduled; // event loop only
    private volatile boolean retired;

    Connection(String address, ChannelFuture connectFuture, PendingRequests pending) {
        this.address = address;
        this.connectFuture = connectFuture;
        this.pending = pending;
        connectFuture.addListener(connected -> drain());
    }

    String address() {
        return address;
    }

    Channel channel() {
        return connectFuture.channel();
    }

    PendingRequests pending() {
        return pending;
    }

    /** Requests queued or awaiting answers (for tests and metrics). */
    int outstanding() {
        return pending.size() + outbound.size();
    }

    /**
     * Takes no new requests: the peer (a RocketMQ 5 proxy shutting down) said GO_AWAY. Requests already written
     * still get their answers; the peer closes the connection when it is done.
     */
    void retire() {
        retired = true;
    }

    /** Still connecting, or connected and open, and not retired: worth reusing. */
    boolean isUsable() {
        if (retired) {
            return false;
        }
        if (!connectFuture.isDone()) {
            return true;
        }
        return connectFuture.isSuccess() && connectFuture.channel().isActive();
    }

    /** Queues {@code request} for the event loop to write; it ends through its callback, never by a throw. */
    void send(OutboundRequest request) {
        outbound.offer(request);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                eventLoop().execute(drain);
            } catch (RejectedExecutionException closing) {
                drainScheduled.set(false);
                failQueued(new ProducerClosedException("producer is closed"));
            }
        }
    }

    void close() {
        connectFuture.channel().close();
    }

    /** Now, by the event loop's clock: deadlines are measured in it, so a test's event loop can move time on. */
    long nanoTime() {
        return eventLoop().ticker().nanoTime();
    }

    private EventLoop eventLoop() {
        return connectFuture.channel().eventLoop();
    }

    /** On the event loop: writes everything queued, then flushes once. */
    private void drain() {
        drainScheduled.set(false); // before polling: a request queued from now on schedules another drain
        if (!connectFuture.isDone()) {
            scheduleSweep(); // the connect listener drains; meanwhile queued requests still time out
            return;
        }
        if (!connectFuture.isSuccess()) {
            failQueued(connectFailure(connectFuture.cause()));
            return;
        }
        Channel channel = connectFuture.channel();
        boolean wrote = false;
        OutboundRequest request;
        while ((request = outbound.poll()) != null) {
            pending.add(request);
            channel.write(request.command).addListener(request);
            wrote = true;
        }
        if (wrote) {
            channel.flush();
            scheduleSweep();
        }
    }

    /** On the event loop, once a write finished: ends oneway requests and requests whose write failed. */
    void written(OutboundRequest request, Throwable failure) {
        if (failure == null && !request.isOneway()) {
            return; // now it waits for its response
        }
        if (pending.remove(request.opaque()) != request) {
            return; // already ended (timed out, or failed with the connection)
        }
        if (failure == null) {
            request.succeed(null);
        } else {
            request.fail(writeFailure(failure));
        }
    }

    private void scheduleSweep() {
        if (!sweepScheduled) {
            try {
                eventLoop().schedule(sweep, SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                sweepScheduled = true;
            } catch (RejectedExecutionException shuttingDown) {
                // the client is closing: closing the channel fails whatever is outstanding
            }
        }
    }

    private void sweep() {
        sweepScheduled = false;
        long now = nanoTime();
        pending.expire(now);
        for (Iterator<OutboundRequest> queued = outbound.iterator(); queued.hasNext(); ) {
            OutboundRequest request = queued.next();
            if (now - request.deadlineNanos >= 0 && outbound.remove(request)) {
                request.fail(request.timeoutError());
            }
        }
        if (!pending.isEmpty() || !outbound.isEmpty()) {
            scheduleSweep();
        }
    }

    private void failQueued(ProducerException failure) {
        OutboundRequest request;
        while ((request = outbound.poll()) != null) {
            request.fail(failure);
        }
    }

    private BrokerUnavailableException connectFailure(Throwable cause) {
        return new BrokerUnavailableException("cannot connect to " + address + ": "
                + (cause == null ? "unknown" : cause.getMessage()), cause);
    }

    private ProducerException writeFailure(Throwable cause) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof javax.net.ssl.SSLException) {
                return new TlsException("TLS connection to " + address + " failed: " + current.getMessage(), cause);
            }
        }
        return new BrokerUnavailableException("cannot write to " + address + ": " + cause, cause);
    }
}
