package io.mqproducer.internal.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.error.BrokerBusyException;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.DeliveryTimeoutException;
import io.mqproducer.error.NameServerUnavailableException;
import io.mqproducer.error.PartialBatchException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.encode.MessageEncoder;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.route.TopicPublishInfo;
import io.mqproducer.internal.select.BrokerAvailability;
import io.mqproducer.internal.transport.ResponseCallback;
import io.mqproducer.message.Message;
import io.mqproducer.spi.MessageQueueSelector;
import io.mqproducer.spi.SendObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The deliver step against a scripted channel and route, on a hand-moved clock: every attempt, its broker, its
 * timeout and what follows it is known exactly. The same rules end to end, over sockets, are in {@link RetryRulesIT}.
 */
class DelivererTest {
    private static final String A = "10.0.0.1:10911";
    private static final String B = "10.0.0.2:10911";
    private static final TopicPublishInfo ROUTE = new TopicPublishInfo("T",
            List.of(new MessageQueue("T", "a", 0), new MessageQueue("T", "b", 0)), Map.of("a", A, "b", B), false);

    private final AtomicLong nanos = new AtomicLong();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> retried = new ArrayList<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private CompletableFuture<Void> refreshed = CompletableFuture.completedFuture(null);
    private CompletableFuture<TopicPublishInfo> route = CompletableFuture.completedFuture(ROUTE);
    /** How the scripted brokers answer: a response, or null to hold the call (answered by the test). */
    private BiFunction<String, RemotingCommand, RemotingCommand> brokers = (address, request) -> ok(request);
    private final MessageEncoder encoder = new MessageEncoder(ProducerOptions.builder("n:1").build());

    /** One request the deliverer made. */
    private record Call(String address, RemotingCommand request, long timeoutMillis, ResponseCallback callback) {
    }

    private final BrokerChannel channel = new BrokerChannel() {
        private int opaque;

        @Override
        public int nextOpaque() {
            return ++opaque;
        }

        @Override
        public void invoke(String address, RemotingCommand request, long timeoutMillis, ResponseCallback callback) {
            calls.add(new Call(address, request, timeoutMillis, callback));
            RemotingCommand response = brokers.apply(address, request);
            if (response != null) {
                callback.onResponse(response);
            }
        }

        @Override
        public CompletableFuture<Void> invokeOneway(String address, RemotingCommand request, long timeoutMillis) {
            calls.add(new Call(address, request, timeoutMillis, null));
            return CompletableFuture.completedFuture(null);
        }
    };

    private final RouteSource routes = new RouteSource() {
        @Override
        public CompletableFuture<TopicPublishInfo> publishInfo(String wireTopic) {
            return route;
        }

        @Override
        public CompletableFuture<Void> refresh(String wireTopic) {
            refreshes.incrementAndGet();
            return refreshed;
        }
    };

    private Deliverer deliverer(int retries) {
        SendObserver observer = new SendObserver() {
            @Override
            public void onRetry(String topic, String brokerName, ProducerException cause) {
                retried.add(brokerName);
            }
        };
        OperatorLog log = new OperatorLog((level, line) -> { }, 0, System::currentTimeMillis);
        return new Deliverer(channel, routes, new BrokerAvailability(() -> nanos.get() / 1_000_000),
                new Deliverer.Settings("g", new Namespace(""), retries, 1_000, 3_000, 4 * 1024 * 1024, observer), log,
                nanos::get);
    }

    private OutgoingMessage message() {
        return encoder.encode(Message.of("T", new byte[] {1}));
    }

    private static RemotingCommand ok(RemotingCommand request) {
        RemotingCommand response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        response.extFields().put("msgId", "0A00000100002A9F0000000000000001");
        response.extFields().put("queueId", request.extField("e"));
        response.extFields().put("queueOffset", "7");
        return response;
    }

    private static RemotingCommand refuse(RemotingCommand request, int code) {
        return RemotingCommand.responseTo(request, code, "scripted " + code);
    }

    private static ProducerException failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return (ProducerException) e.getCause();
        }
    }

    private List<String> addresses() {
        return calls.stream().map(Call::address).toList();
    }

    @Test
    void aRetriableFailureIsRetriedOnTheOtherBrokerAndTheRouteRefreshed() {
        brokers = (address, request) -> address.equals(A) ? refuse(request, ResponseCode.SYSTEM_ERROR) : ok(request);

        SendResult result = deliverer(2).deliver(message(), null, 3_000).join();

        assertThat(addresses()).containsExactly(A, B);
        assertThat(result.queue().brokerName()).isEqualTo("b");
        assertThat(retried).containsExactly("a");
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aNonRetriableRejectionFailsAfterOneAttempt() {
        brokers = (address, request) -> refuse(request, ResponseCode.MESSAGE_ILLEGAL);

        ProducerException error = failure(deliverer(2).deliver(message(), null, 3_000));

        assertThat(error).isInstanceOf(BrokerRejectedException.class);
        assertThat(((BrokerRejectedException) error).code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(calls).hasSize(1);
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void exhaustedRetriesFailWithTheLastErrorAndTheEarlierOnesSuppressed() {
        brokers = (address, request) -> refuse(request, ResponseCode.SYSTEM_BUSY);

        ProducerException error = failure(deliverer(2).deliver(message(), null, 3_000));

        assertThat(error).isInstanceOf(BrokerBusyException.class);
        assertThat(error.getSuppressed()).hasSize(2);
        assertThat(addresses()).containsExactly(A, B, A);
    }

    @Test
    void aStaleRouteIsRefreshedBeforeTheRetry() {
        brokers = (address, request) -> address.equals(A) ? refuse(request, ResponseCode.TOPIC_NOT_EXIST) : ok(request);
        refreshed = new CompletableFuture<>();

        CompletableFuture<SendResult> result = deliverer(2).deliver(message(), null, 3_000);

        assertThat(calls).as("no retry before the fresh route").hasSize(1);
        refreshed.complete(null);
        assertThat(result.join().queue().brokerName()).isEqualTo("b");
        assertThat(addresses()).containsExactly(A, B);
    }

    @Test
    void eachAttemptGetsAtMostTheRequestTimeoutAndNoneStartsAfterTheBudget() {
        brokers = (address, request) -> null; // hung: the test answers for the channel
        Deliverer deliverer = deliverer(5);

        CompletableFuture<SendResult> result = deliverer.deliver(message(), null, 1_500);
        assertThat(calls.get(0).timeoutMillis()).isEqualTo(1_000);

        nanos.addAndGet(1_000_000_000L);
        calls.get(0).callback().onFailure(new RequestTimeoutException("no answer in 1000 ms"));
        assertThat(addresses()).containsExactly(A, B);
        assertThat(calls.get(1).timeoutMillis()).as("what is left of the budget").isEqualTo(500);

        nanos.addAndGet(500_000_000L);
        calls.get(1).callback().onFailure(new RequestTimeoutException("no answer in 500 ms"));
        ProducerException error = failure(result);
        assertThat(error).isInstanceOf(DeliveryTimeoutException.class).hasMessageContaining("1500 ms")
                .hasMessageContaining("2 attempts");
        assertThat(calls).hasSize(2);
    }

    @Test
    void aChosenQueueIsKeptForRetries() {
        brokers = (address, request) -> calls.size() == 1 ? refuse(request, ResponseCode.SYSTEM_ERROR) : ok(request);
        MessageQueueSelector last = (queues, message) -> queues.get(queues.size() - 1);

        SendResult result = deliverer(2).deliver(message(), last, 3_000).join();

        assertThat(addresses()).containsExactly(B, B);
        assertThat(result.queue()).isEqualTo(new MessageQueue("T", "b", 0));
    }

    @Test
    void aRouteThatCannotBeFoundFailsWithoutRetries() {
        route = CompletableFuture.failedFuture(new NameServerUnavailableException("no name server answered", null));

        ProducerException error = failure(deliverer(2).deliver(message(), null, 3_000));

        assertThat(error).isInstanceOf(NameServerUnavailableException.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void aBatchLargerThanTheLimitGoesInPartsAndALaterFailureSaysWhatWasStored() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            messages.add(Message.of("T", new byte[3 * 1024 * 1024 / 2]));
        }
        List<OutgoingMessage> members = encoder.encodeBatch(messages);
        brokers = (address, request) -> calls.size() <= 1 ? ok(request) : refuse(request, ResponseCode.MESSAGE_ILLEGAL);

        ProducerException error = failure(deliverer(0).deliverBatch(members, 3_000));

        assertThat(calls).extracting(call -> call.request().code()).containsOnly(RequestCode.SEND_BATCH_MESSAGE);
        assertThat(calls).as("two parts of two members each; the second is refused").hasSize(2);
        assertThat(error).isInstanceOf(PartialBatchException.class);
        assertThat(((PartialBatchException) error).sent()).hasSize(2)
                .extracting(SendResult::messageId).containsExactly(members.get(0).uniqueId(), members.get(1).uniqueId());
    }

    @Test
    void onewayWritesOnceToTheQueuesMasterWithoutWaiting() {
        SendResult result = deliverer(2).deliverOneway(message()).join();

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).address()).isEqualTo(A);
        assertThat(calls.get(0).timeoutMillis()).isEqualTo(3_000);
        assertThat(result.queueOffset()).isEqualTo(-1);
    }
}
