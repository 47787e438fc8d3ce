package io.mqproducer.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounded background sender, with a fake sink that answers only when the test says so. */
class TraceSenderTest {
    private static final int CAPACITY = 4;
    private static final int ROUND_LIMIT = 512;

    private final List<TraceMessage> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> answers = new CopyOnWriteArrayList<>();
    private volatile boolean answerAtOnce;
    private final TraceSink sink = message -> {
        sent.add(message);
        if (answerAtOnce) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    };
    private TraceSender sender;

    @AfterEach
    void close() {
        answers.forEach(answer -> answer.complete(null));
        if (sender != null) {
            sender.close(1000);
        }
    }

    @Test
    void aFullQueueDropsAndCountsWithoutEverBlockingTheCaller() {
        sender = start(1);
        sender.offer(record("first"));
        awaitSent(1); // the one in-flight slot is taken now and its answer never comes

        int offered = 1000;
        long started = System.nanoTime();
        for (int i = 0; i < offered; i++) {
            sender.offer(record("r" + i));
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMillis).as("offers never wait for the broker").isLessThan(1000);
        assertThat(sender.dropped()).as("all but the queue and one round the worker holds")
                .isGreaterThanOrEqualTo(offered - CAPACITY - ROUND_LIMIT);
        assertThat(sent).hasSize(1);

        answerAtOnce = true; // the broker answers: the rest is written
        answers.get(0).complete(null);
        sender.close(5000);
        int written = sent.stream().mapToInt(TraceMessage::records).sum();
        assertThat(written + sender.dropped()).as("every record is written or counted").isEqualTo(offered + 1);
        assertThat(written).isGreaterThan(1);
        assertThat(sent.size()).as("records wait together and go in batches").isLessThan(written);
    }

    @Test
    void closeFlushesQueuedRecords() {
        answerAtOnce = true;
        sender = start(4);
        for (int i = 0; i < CAPACITY; i++) {
            sender.offer(record("r" + i));
        }
        answerAtOnce = true;
        sender.close(5000);
        assertThat(sent.stream().mapToInt(TraceMessage::records).sum()).isEqualTo(CAPACITY);
        assertThat(sender.dropped()).isZero();
        sender.offer(record("late"));
        assertThat(sender.dropped()).as("records after close are dropped").isEqualTo(1);
    }

    @Test
    void closeGivesUpInBoundedTimeAndCountsWhatWasNotWritten() {
        sender = start(1);
        sender.offer(record("first"));
        awaitSent(1);
        sender.offer(record("second"));

        long started = System.nanoTime();
        sender.close(200);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMillis).isLessThan(2000);
        assertThat(sender.dropped()).as("the record that found no in-flight slot").isEqualTo(1);
    }

    @Test
    void aFailedTraceMessageCountsItsRecordsAsDropped() {
        sender = new TraceSender(message -> CompletableFuture.failedFuture(new IllegalStateException("broker down")),
                new TraceBatcher(100_000), CAPACITY, 1, () -> "10.0.0.1", "trace-test");
        sender.start();
        sender.offer(record("a"));
        sender.close(5000);
        assertThat(sender.dropped()).isEqualTo(1);
    }

    private TraceSender start(int maxInflight) {
        TraceSender started = new TraceSender(sink, new TraceBatcher(100_000), CAPACITY, maxInflight,
                () -> "10.0.0.1", "trace-test");
        started.start();
        return started;
    }

    private void awaitSent(int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sent.size() < count) {
            assertThat(System.nanoTime()).as("trace messages sent in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    static PublishRecord record(String id) {
        return new PublishRecord(1_700_000_000_000L, "DefaultRegion", "group", "Topic", id, "tag", List.of("k-" + id),
                "127.0.0.1:10911", 3, 5, TraceMessageType.NORMAL, "7F00000100002A9F0000000000000010", true);
    }
}
