package io.mqproducer.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.MessageQueue;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.error.PartialBatchException;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.internal.encode.OutgoingMessages;
import io.mqproducer.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncBatcherTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<List<OutgoingMessage>> batches = new CopyOnWriteArrayList<>();
    private final List<OutgoingMessage> singles = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    static OutgoingMessage message(String topic, int i) {
        Message message = Message.builder(topic).body(new byte[] {(byte) i}).build();
        return OutgoingMessages.batchable(message, topic, "unique-" + i);
    }

    static List<SendResult> results(List<OutgoingMessage> batch) {
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            results.add(new SendResult(SendStatus.SEND_OK, "id-" + batch.get(i).body()[0], null,
                    new MessageQueue(batch.get(i).wireTopic(), "b", 0), i, null));
        }
        return results;
    }

    private AsyncBatcher batcher(long lingerMicros, int maxMessages,
                                 Function<List<OutgoingMessage>, CompletableFuture<List<SendResult>>> sender) {
        return new AsyncBatcher(new CoalescedSends() {
            @Override
            public CompletableFuture<SendResult> single(OutgoingMessage message, long budgetMillis) {
                singles.add(message);
                return CompletableFuture.completedFuture(results(List.of(message)).get(0));
            }

            @Override
            public CompletableFuture<List<SendResult>> batch(List<OutgoingMessage> messages, long budgetMillis) {
                batches.add(messages);
                return sender.apply(messages);
            }
        }, 3_000, scheduler, new AsyncBatcher.BatchLimits(lingerMicros, maxMessages, 1 << 20));
    }

    @Test
    void messagesWithinTheLingerShareOneBatchAndEachCallerGetsItsResult() throws Exception {
        AsyncBatcher batcher = batcher(200_000, 100, b -> CompletableFuture.completedFuture(results(b)));
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(batcher.add(message("T", i)));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(futures.get(i).get(5, TimeUnit.SECONDS).messageId()).isEqualTo("id-" + i);
        }
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(10);
    }

    @Test
    void fullBatchGoesOutWithoutWaitingForTheLinger() throws Exception {
        AsyncBatcher batcher = batcher(TimeUnit.SECONDS.toMicros(30), 4, b -> CompletableFuture.completedFuture(results(b)));
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(batcher.add(message("T", i)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        assertThat(batches).extracting(List::size).containsExactly(4, 4);
    }

    @Test
    void topicsAreBatchedApart() throws Exception {
        AsyncBatcher batcher = batcher(50_000, 100, b -> CompletableFuture.completedFuture(results(b)));
        CompletableFuture<SendResult> a = batcher.add(message("A", 1));
        CompletableFuture<SendResult> b = batcher.add(message("B", 2));
        assertThat(a.get(5, TimeUnit.SECONDS).queue().topic()).isEqualTo("A");
        assertThat(b.get(5, TimeUnit.SECONDS).queue().topic()).isEqualTo("B");
        assertThat(batches).hasSize(2);
    }

    @Test
    void failureReachesEveryCallerAndPartialSuccessIsKept() {
        // A long linger: each batch goes out when its second message arrives, never split by the timer.
        AsyncBatcher failing = batcher(TimeUnit.SECONDS.toMicros(30), 2, b -> CompletableFuture.failedFuture(new BrokerUnavailableException("down")));
        CompletableFuture<SendResult> x = failing.add(message("T", 1));
        CompletableFuture<SendResult> y = failing.add(message("T", 2));
        assertThatThrownBy(() -> x.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BrokerUnavailableException.class);
        assertThatThrownBy(() -> y.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BrokerUnavailableException.class);

        AsyncBatcher partial = batcher(TimeUnit.SECONDS.toMicros(30), 2, b -> CompletableFuture.failedFuture(new PartialBatchException("half",
                results(b).subList(0, 1), new BrokerUnavailableException("down"))));
        CompletableFuture<SendResult> first = partial.add(message("T", 1));
        CompletableFuture<SendResult> second = partial.add(message("T", 2));
        assertThat(first.join().messageId()).isEqualTo("id-1");
        assertThatThrownBy(second::join).hasCauseInstanceOf(PartialBatchException.class);
    }

    @Test
    void aBatchTheBrokerRefusesAsAWholeIsSentMessageByMessage() throws Exception {
        AsyncBatcher batcher = batcher(1_000, 3, b -> CompletableFuture.failedFuture(new BrokerRejectedException("b",
                ResponseCode.SYSTEM_ERROR, "java.lang.RuntimeException: message body size exceeded", true)));
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            futures.add(batcher.add(message("T", i)));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(futures.get(i).get(5, TimeUnit.SECONDS).messageId()).isEqualTo("id-" + i);
        }
        assertThat(singles).extracting(OutgoingMessage::uniqueId).containsExactly("unique-0", "unique-1", "unique-2");
    }

    @Test
    void flushAllSendsWhatIsPending() throws Exception {
        AsyncBatcher batcher = batcher(TimeUnit.SECONDS.toMicros(30), 100, b -> CompletableFuture.completedFuture(results(b)));
        CompletableFuture<SendResult> pending = batcher.add(message("T", 3));
        batcher.flushAll();
        assertThat(pending.get(1, TimeUnit.SECONDS).messageId()).isEqualTo("id-3");
    }
}
