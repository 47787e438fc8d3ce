package io.mqproducer.internal.batch;

import static io.mqproducer.internal.batch.AsyncBatcherTest.message;
import static io.mqproducer.internal.batch.AsyncBatcherTest.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.SendResult;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.error.DeliveryTimeoutException;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.internal.encode.OutgoingMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CoalescingQueueTest {
    /** Requests the queue made, in order: each a list of messages (one for a plain send) and its pending answer. */
    private final List<List<OutgoingMessage>> requests = new ArrayList<>();
    private final List<CompletableFuture<List<SendResult>>> answers = new ArrayList<>();

    /** Budgets the queue gave its requests, in order. */
    private final List<Long> budgets = new ArrayList<>();

    /** The queue's clock, moved by the tests. */
    private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

    private CoalescingQueue queue(int maxInflight, int maxMessages, int maxBytes) {
        return queue(60_000, maxInflight, maxMessages, maxBytes);
    }

    private CoalescingQueue queue(long timeoutMillis, int maxInflight, int maxMessages, int maxBytes) {
        return queue(timeoutMillis, new InflightLimit(maxInflight, maxInflight), maxMessages, maxBytes);
    }

    private CoalescingQueue queue(long timeoutMillis, InflightLimit limit, int maxMessages, int maxBytes) {
        return new CoalescingQueue(new CoalescedSends() {
            @Override
            public CompletableFuture<SendResult> single(OutgoingMessage message, long budgetMillis) {
                return batch(List.of(message), budgetMillis).thenApply(results -> results.get(0));
            }

            @Override
            public CompletableFuture<List<SendResult>> batch(List<OutgoingMessage> messages, long budgetMillis) {
                requests.add(messages);
                budgets.add(budgetMillis);
                CompletableFuture<List<SendResult>> answer = new CompletableFuture<>();
                answers.add(answer);
                return answer;
            }
        }, timeoutMillis, limit, maxMessages, maxBytes, nanos::get);
    }

    private void answer(int request) {
        answers.get(request).complete(results(requests.get(request)));
    }

    @Test
    void sendsThatDoNotOverlapGoAloneAndAtOnce() throws Exception {
        CoalescingQueue queue = queue(1, 100, 1 << 20);
        for (int i = 0; i < 3; i++) {
            CompletableFuture<SendResult> result = queue.add(message("T", i));
            assertThat(requests).as("sent before anything returned").hasSize(i + 1);
            answer(i);
            assertThat(result.get().messageId()).isEqualTo("id-" + i);
        }
        assertThat(requests).allSatisfy(request -> assertThat(request).hasSize(1));
    }

    /**
     * {@code senders} blocking senders, each sending again as soon as its answer arrives, for {@code rounds} answered
     * requests (oldest first); returns how many requests are then in flight.
     */
    private int simulateSenders(CoalescingQueue queue, int senders, int rounds) {
        int next = 0;
        for (; next < senders; next++) {
            queue.add(message("T", next));
        }
        for (int answered = 0; answered < rounds; answered++) {
            answer(answered);
            for (int i = 0; i < requests.get(answered).size(); i++) {
                queue.add(message("T", next++));
            }
        }
        return requests.size() - rounds;
    }

    @Test
    void fourSendersKeepTheirOwnRequests() {
        CoalescingQueue queue = queue(60_000, InflightLimit.adaptive(), 100, 1 << 20);
        assertThat(simulateSenders(queue, 4, 200)).isEqualTo(4);
        assertThat(requests).allSatisfy(request -> assertThat(request).as("nobody waits").hasSize(1));
    }

    @Test
    void sixteenSendersShareTwoRequestsAtATime() {
        CoalescingQueue queue = queue(60_000, InflightLimit.adaptive(), 100, 1 << 20);
        assertThat(simulateSenders(queue, 16, 200)).as("the limit went down to 2").isEqualTo(InflightLimit.LOW);
        // in flight, in flight, waiting: three groups share the 16 senders, so requests carry 16 / 3 on average
        List<List<OutgoingMessage>> recent = requests.subList(requests.size() - 30, requests.size());
        assertThat(recent.stream().mapToInt(List::size).sum()).as("batches of 5.3 on average").isEqualTo(10 * 16);
    }

    @Test
    void sendsWaitingBehindARequestGoTogetherWhenItReturns() throws Exception {
        CoalescingQueue queue = queue(1, 100, 1 << 20);
        List<CompletableFuture<SendResult>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(queue.add(message("T", i)));
        }
        assertThat(requests).hasSize(1);
        assertThat(results.subList(1, 6)).as("five senders wait").noneMatch(CompletableFuture::isDone);

        answer(0);

        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).extracting(OutgoingMessage::uniqueId)
                .containsExactly("unique-1", "unique-2", "unique-3", "unique-4", "unique-5");
        assertThat(results.get(0).get().messageId()).isEqualTo("id-0");
        assertThat(results.get(1)).isNotDone();

        answer(1);

        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).get().messageId()).as("each sender gets its own result").isEqualTo("id-" + i);
        }
    }

    @Test
    void upToMaxInflightRequestsGoOutBeforeSendsWait() {
        CoalescingQueue queue = queue(2, 100, 1 << 20);
        for (int i = 0; i < 5; i++) {
            queue.add(message("T", i));
        }
        assertThat(requests).hasSize(2);
        answer(1);
        assertThat(requests).hasSize(3);
        assertThat(requests.get(2)).hasSize(3);
    }

    @Test
    void batchesRespectTheMessageAndByteLimits() {
        CoalescingQueue byCount = queue(1, 2, 1 << 20);
        for (int i = 0; i < 6; i++) {
            byCount.add(message("T", i));
        }
        answer(0);
        answer(1);
        answer(2);
        assertThat(requests).extracting(List::size).containsExactly(1, 2, 2, 1);

        requests.clear();
        answers.clear();
        int twoMembers = 2 * (1 + BatchCompletion.MEMBER_OVERHEAD);
        CoalescingQueue byBytes = queue(1, 100, twoMembers);
        for (int i = 0; i < 6; i++) {
            byBytes.add(message("T", i));
        }
        answer(0);
        answer(1);
        answer(2);
        assertThat(requests).extracting(List::size).containsExactly(1, 2, 2, 1);
    }

    @Test
    void aFailedBatchFailsEachOfItsSendersAndFreesItsSlot() throws Exception {
        CoalescingQueue queue = queue(1, 100, 1 << 20);
        CompletableFuture<SendResult> first = queue.add(message("T", 0));
        CompletableFuture<SendResult> second = queue.add(message("T", 1));
        CompletableFuture<SendResult> third = queue.add(message("T", 2));
        answer(0);
        answers.get(1).completeExceptionally(new BrokerUnavailableException("down"));

        assertThat(first.get().messageId()).isEqualTo("id-0");
        assertThatThrownBy(second::join).hasCauseInstanceOf(BrokerUnavailableException.class);
        assertThatThrownBy(third::join).hasCauseInstanceOf(BrokerUnavailableException.class);

        CompletableFuture<SendResult> next = queue.add(message("T", 3));
        assertThat(requests).as("the slot was given back").hasSize(3);
        answer(2);
        assertThat(next.get().messageId()).isEqualTo("id-3");
    }

    @Test
    void aBatchTheBrokerRefusesAsAWholeIsSentAgainMessageByMessage() throws Exception {
        CoalescingQueue queue = queue(1, 100, 1 << 20);
        CompletableFuture<SendResult> first = queue.add(message("T", 0));
        CompletableFuture<SendResult> second = queue.add(message("T", 1));
        CompletableFuture<SendResult> third = queue.add(message("T", 2));
        answer(0);
        answers.get(1).completeExceptionally(new BrokerRejectedException("b", ResponseCode.MESSAGE_ILLEGAL,
                "the message body size over max value", false));

        assertThat(requests).as("the refused batch's members, each alone").hasSize(4);
        assertThat(requests.get(2)).extracting(OutgoingMessage::uniqueId).containsExactly("unique-1");
        assertThat(requests.get(3)).extracting(OutgoingMessage::uniqueId).containsExactly("unique-2");
        answer(2);
        answers.get(3).completeExceptionally(new BrokerRejectedException("b", ResponseCode.MESSAGE_ILLEGAL, "bad", false));

        assertThat(first.get().messageId()).isEqualTo("id-0");
        assertThat(second.get().messageId()).isEqualTo("id-1");
        assertThatThrownBy(third::join).hasCauseInstanceOf(BrokerRejectedException.class);
        queue.add(message("T", 3));
        assertThat(requests).as("the slot was given back once all were done").hasSize(5);
    }

    @Test
    void waitingCountsAgainstTheSendTimeout() throws Exception {
        CoalescingQueue queue = queue(300, 1, 100, 1 << 20);
        CompletableFuture<SendResult> first = queue.add(message("T", 0));
        CompletableFuture<SendResult> late = queue.add(message("T", 1));
        assertThat(budgets.get(0)).isEqualTo(300L);

        nanos.addAndGet(400_000_000L); // longer than the timeout: the waiting message must not be sent any more
        answer(0);

        assertThat(first.get().messageId()).isEqualTo("id-0");
        assertThatThrownBy(late::join).hasCauseInstanceOf(DeliveryTimeoutException.class);
        assertThat(requests).as("nothing sent for the expired message").hasSize(1);
        CompletableFuture<SendResult> next = queue.add(message("T", 2));
        assertThat(requests).as("its slot was given back").hasSize(2);
        answer(1);
        assertThat(next.get().messageId()).isEqualTo("id-2");
    }

    @Test
    void aBatchGetsWhatIsLeftOfItsEarliestMembersTimeout() throws Exception {
        CoalescingQueue queue = queue(2_000, 1, 100, 1 << 20);
        queue.add(message("T", 0));
        queue.add(message("T", 1));
        nanos.addAndGet(300_000_000L);
        queue.add(message("T", 2));
        nanos.addAndGet(200_000_000L);
        answer(0);
        assertThat(requests.get(1)).hasSize(2);
        assertThat(budgets.get(1)).as("what message 1 has left").isEqualTo(1_500L);
    }

    @Test
    void aSenderThatThrowsFailsItsCallerAndFreesItsSlot() throws Exception {
        List<Integer> calls = new ArrayList<>();
        CoalescingQueue queue = new CoalescingQueue(new CoalescedSends() {
            @Override
            public CompletableFuture<SendResult> single(OutgoingMessage message, long budgetMillis) {
                calls.add(1);
                if (calls.size() == 1) {
                    throw new BrokerUnavailableException("no route");
                }
                return CompletableFuture.completedFuture(results(List.of(message)).get(0));
            }

            @Override
            public CompletableFuture<List<SendResult>> batch(List<OutgoingMessage> messages, long budgetMillis) {
                return CompletableFuture.completedFuture(results(messages));
            }
        }, 60_000, new InflightLimit(1, 1), 100, 1 << 20);

        assertThatThrownBy(() -> queue.add(message("T", 0)).join()).hasCauseInstanceOf(BrokerUnavailableException.class);
        assertThat(queue.add(message("T", 1)).get().messageId()).isEqualTo("id-1");
    }
}
