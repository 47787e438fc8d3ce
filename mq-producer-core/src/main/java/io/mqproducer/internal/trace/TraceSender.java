package io.mqproducer.internal.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes trace records to the trace topic from one background thread, in batches. Senders only offer a record to a
 * bounded queue, which never blocks: when it is full the record is dropped and counted. At most a few trace messages
 * are in flight; while they are, records wait in the queue (and are dropped once it is full), so tracing never takes
 * more from the broker or the producer than that.
 */
final class TraceSender {
    private static final Logger log = LoggerFactory.getLogger(TraceSender.class);
    /** How long the worker waits for a first record before it looks whether it should stop. */
    private static final long IDLE_POLL_MILLIS = 100;
    /** How long a batch may wait for more records once it has one: batches, without delaying records much. */
    private static final long LINGER_MILLIS = 10;
    /** Records taken from the queue per round. */
    private static final int MAX_RECORDS_PER_ROUND = 512;

    private final BlockingQueue<TraceRecord> queue;
    private final TraceSink sink;
    private final TraceBatcher batcher;
    private final Supplier<String> clientHost;
    private final int maxInflight;
    private final Semaphore inflight;
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean warnedFailure = new AtomicBoolean();
    private final Thread worker;
    private volatile boolean closing;

    /**
     * @param capacity    records the queue holds before it drops
     * @param maxInflight trace messages sent at once
     * @param clientHost  this client's address, asked for once on the worker thread (it may take a DNS look-up)
     */
    TraceSender(TraceSink sink, TraceBatcher batcher, int capacity, int maxInflight, Supplier<String> clientHost,
                String threadName) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.batcher = batcher;
        this.clientHost = clientHost;
        this.maxInflight = maxInflight;
        this.inflight = new Semaphore(maxInflight);
        this.worker = new Thread(this::run, threadName);
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    /** Queues {@code record} without blocking; drops and counts it when the queue is full or the sender closed. */
    void offer(TraceRecord record) {
        if (closing || !queue.offer(record)) {
            dropped.increment();
        }
    }

    /** Counts a record that could not be queued. */
    void drop() {
        dropped.increment();
    }

    /** Records not written: the queue was full, their trace message failed, or the sender was closing. */
    long dropped() {
        return dropped.sum();
    }

    /**
     * Stops taking records, writes those queued and waits for the trace messages in flight, all within
     * {@code timeoutMillis}; what is left then is dropped and counted.
     */
    void close(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        closing = true;
        try {
            worker.join(Math.max(1, timeoutMillis));
            if (worker.isAlive()) {
                worker.interrupt(); // past the deadline: stop writing
                worker.join(IDLE_POLL_MILLIS);
            }
            long left = deadline - System.nanoTime();
            if (left > 0 && inflight.tryAcquire(maxInflight, left, TimeUnit.NANOSECONDS)) {
                inflight.release(maxInflight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int unwritten = queue.size();
        queue.clear();
        dropped.add(unwritten);
        if (dropped.sum() > 0) {
            log.info("message trace: {} records were dropped in all (queue full or producer closing)", dropped.sum());
        }
    }

    private void run() {
        String host = clientHost.get();
        List<TraceRecord> round = new ArrayList<>(MAX_RECORDS_PER_ROUND);
        try {
            while (true) {
                TraceRecord first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                round.add(first);
                gather(round);
                List<TraceMessage> messages;
                try {
                    messages = batcher.pack(round, host);
                } catch (RuntimeException e) {
                    // Never let one bad record stop the worker: every later record would be dropped.
                    log.warn("message trace: {} records could not be encoded: {}", round.size(), e.toString());
                    dropped.add(round.size());
                    messages = List.of();
                }
                round.clear();
                sendAll(messages);
            }
        } catch (InterruptedException e) {
            dropped.add(round.size()); // close gave up on them
        }
    }

    /** Sends each message; if close gives up meanwhile, counts the records of those not sent. */
    private void sendAll(List<TraceMessage> messages) throws InterruptedException {
        for (int i = 0; i < messages.size(); i++) {
            try {
                send(messages.get(i));
            } catch (InterruptedException e) {
                for (int unsent = i; unsent < messages.size(); unsent++) {
                    dropped.add(messages.get(unsent).records());
                }
                throw e;
            }
        }
    }

    /** Adds what is queued, lingering briefly for more unless closing. */
    private void gather(List<TraceRecord> round) throws InterruptedException {
        long lingerEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        while (round.size() < MAX_RECORDS_PER_ROUND) {
            queue.drainTo(round, MAX_RECORDS_PER_ROUND - round.size());
            long left = lingerEnd - System.nanoTime();
            if (round.size() >= MAX_RECORDS_PER_ROUND || closing || left <= 0) {
                return;
            }
            TraceRecord next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            round.add(next);
        }
    }

    private void send(TraceMessage message) throws InterruptedException {
        inflight.acquire();
        CompletableFuture<?> sent;
        try {
            sent = sink.send(message);
        } catch (RuntimeException e) {
            inflight.release();
            failed(message, e);
            return;
        }
        sent.whenComplete((ignored, error) -> {
            inflight.release();
            if (error != null) {
                failed(message, error);
            }
        });
    }

    private void failed(TraceMessage message, Throwable error) {
        dropped.add(message.records());
        if (warnedFailure.compareAndSet(false, true)) {
            // Once: a missing trace topic fails every trace message alike.
            log.warn("message trace: writing to the trace topic failed, its records are dropped and counted (does "
                    + "the topic exist? brokers create RMQ_SYS_TRACE_TOPIC only with traceTopicEnable=true): {}",
                    error.toString());
        } else {
            log.debug("message trace: sending {} records failed: {}", message.records(), error.toString());
        }
    }
}
