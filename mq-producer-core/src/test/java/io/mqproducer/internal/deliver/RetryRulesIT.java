package io.mqproducer.internal.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.DeliveryTimeoutException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.message.Message;
import io.mqproducer.spi.SendObserver;
import io.mqproducer.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry and deadline rules end to end through a Producer, against scripted name server and brokers on loopback. */
class RetryRulesIT {
    private static final Message MESSAGE = Message.of("T", "x".getBytes(StandardCharsets.UTF_8));
    private final List<AutoCloseable> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    /** A scripted server; heartbeats and unregistrations are acknowledged and not shown to {@code answer}. */
    private FakeServer server(Function<RemotingCommand, RemotingCommand> answer) throws Exception {
        FakeServer server = new FakeServer(FakeServer.broker(answer));
        servers.add(server);
        return server;
    }

    private FakeServer nameServer(String brokerA, String brokerB) throws Exception {
        String route = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"" + brokerA + "\"},\"brokerName\":\"a\",\"cluster\":\"c\"},"
                + "{\"brokerAddrs\":{0:\"" + brokerB + "\"},\"brokerName\":\"b\",\"cluster\":\"c\"}],"
                + "\"queueDatas\":[{\"brokerName\":\"a\",\"perm\":6,\"readQueueNums\":1,\"writeQueueNums\":1},"
                + "{\"brokerName\":\"b\",\"perm\":6,\"readQueueNums\":1,\"writeQueueNums\":1}]}";
        return server(request -> {
            assertThat(request.code()).isEqualTo(RequestCode.GET_ROUTEINFO_BY_TOPIC);
            return new RemotingCommand(0, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null,
                    java.util.Map.of(), route.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static RemotingCommand answer(RemotingCommand request, int code) {
        RemotingCommand response = RemotingCommand.responseTo(request, code, code == 0 ? null : "scripted " + code);
        if (code == 0) {
            response.extFields().put("msgId", "0A0000010000");
            response.extFields().put("queueId", request.extField("e"));
            response.extFields().put("queueOffset", "7");
        }
        return response;
    }

    private Producer producer(FakeServer nameServer, int retries, Duration timeout, SendObserver observer) {
        return Producer.create(ProducerOptions.builder(nameServer.address()).retries(retries).sendTimeout(timeout)
                .observer(observer).build()).start();
    }

    @Test
    void retriesAFailedBrokerOnTheOtherBroker() throws Exception {
        AtomicInteger aCalls = new AtomicInteger();
        AtomicInteger bCalls = new AtomicInteger();
        FakeServer a = server(r -> { aCalls.incrementAndGet(); return answer(r, ResponseCode.SYSTEM_ERROR); });
        FakeServer b = server(r -> { bCalls.incrementAndGet(); return answer(r, ResponseCode.SUCCESS); });
        List<String> retriedBrokers = new CopyOnWriteArrayList<>();
        try (Producer producer = producer(nameServer(a.address(), b.address()), 2, Duration.ofSeconds(3),
                new SendObserver() {
                    @Override
                    public void onRetry(String topic, String brokerName, ProducerException cause) {
                        retriedBrokers.add(brokerName);
                    }
                })) {
            for (int i = 0; i < 4; i++) {
                SendResult result = producer.send(MESSAGE);
                assertThat(result.queue().brokerName()).isEqualTo("b");
                assertThat(result.queueOffset()).isEqualTo(7);
            }
        }
        assertThat(bCalls).hasValue(4);
        assertThat(aCalls).as("a answers (with an error), so it is not avoided: round robin gives it each send's first "
                + "attempt").hasValue(4);
        assertThat(retriedBrokers).hasSize(aCalls.get()).containsOnly("a");
    }

    @Test
    void nonRetriableRejectionFailsAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Function<RemotingCommand, RemotingCommand> illegal = r -> {
            calls.incrementAndGet();
            return answer(r, ResponseCode.MESSAGE_ILLEGAL);
        };
        FakeServer a = server(illegal);
        FakeServer b = server(illegal);
        try (Producer producer = producer(nameServer(a.address(), b.address()), 2, Duration.ofSeconds(3), SendObserver.NOOP)) {
            assertThatThrownBy(() -> producer.send(MESSAGE)).isInstanceOfSatisfying(BrokerRejectedException.class, e -> {
                assertThat(e.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
                assertThat(e.remark()).isEqualTo("scripted 13");
                assertThat(e.isRetriable()).isFalse();
            });
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aBrokerSizeLimitReportedAsSystemErrorIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Function<RemotingCommand, RemotingCommand> tooBig = r -> {
            calls.incrementAndGet();
            return RemotingCommand.responseTo(r, ResponseCode.SYSTEM_ERROR,
                    "java.lang.RuntimeException: message body size exceeded");
        };
        FakeServer a = server(tooBig);
        FakeServer b = server(tooBig);
        try (Producer producer = producer(nameServer(a.address(), b.address()), 2, Duration.ofSeconds(3), SendObserver.NOOP)) {
            assertThatThrownBy(() -> producer.send(MESSAGE)).isInstanceOfSatisfying(BrokerRejectedException.class, e -> {
                assertThat(e.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                assertThat(e.isRetriable()).isFalse();
            });
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void exhaustedRetriesReportTheLastErrorWithTheEarlierOnes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Function<RemotingCommand, RemotingCommand> busy = r -> {
            calls.incrementAndGet();
            return answer(r, ResponseCode.SYSTEM_BUSY);
        };
        FakeServer a = server(busy);
        FakeServer b = server(busy);
        try (Producer producer = producer(nameServer(a.address(), b.address()), 2, Duration.ofSeconds(3), SendObserver.NOOP)) {
            assertThatThrownBy(() -> producer.send(MESSAGE))
                    .isInstanceOf(io.mqproducer.error.BrokerBusyException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
        }
        assertThat(calls).hasValue(3);
    }

    @Test
    void silentBrokersExhaustTheBudgetWithADeliveryTimeout() throws Exception {
        FakeServer a = server(r -> null);
        FakeServer b = server(r -> null);
        try (Producer producer = producer(nameServer(a.address(), b.address()), 2, Duration.ofMillis(500), SendObserver.NOOP)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> producer.send(MESSAGE)).isInstanceOf(DeliveryTimeoutException.class)
                    .hasMessageContaining("500 ms");
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsed).isBetween(400L, 1500L);
            assertThat(producer.inflightSends()).isZero();
        }
    }

    @Test
    void fullAsyncWindowMakesTheCallerWaitThenFailsTyped() throws Exception {
        FakeServer a = server(r -> null);
        FakeServer b = server(r -> null);
        try (Producer producer = Producer.create(ProducerOptions.builder(nameServer(a.address(), b.address()).address())
                .maxInflightAsync(1).sendTimeout(Duration.ofMillis(400)).requestTimeout(Duration.ofMillis(400)).retries(2)
                .build()).start()) {
            // The first send holds the only slot for three attempts of 400 ms, longer than the second may wait for it
            // (the send timeout, 400 ms).
            java.util.concurrent.CompletableFuture<SendResult> first = producer.sendAsync(MESSAGE, Duration.ofSeconds(3));
            long start = System.nanoTime();
            java.util.concurrent.CompletableFuture<SendResult> second = producer.sendAsync(MESSAGE);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertThat(waited).as("the caller waited for a slot").isGreaterThanOrEqualTo(300);
            assertThatThrownBy(() -> second.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .cause().isInstanceOf(io.mqproducer.error.ProducerBusyException.class);
            assertThatThrownBy(() -> first.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .hasCauseInstanceOf(io.mqproducer.error.RequestTimeoutException.class);
        }
    }

    @Test
    void closeWithSendsInFlightCompletesEveryFutureAndStopsAllThreads() throws Exception {
        FakeServer a = server(r -> null);
        FakeServer b = server(r -> null);
        Producer producer = Producer.create(ProducerOptions.builder(nameServer(a.address(), b.address()).address())
                .sendTimeout(Duration.ofSeconds(2)).build()).start();
        List<java.util.concurrent.CompletableFuture<SendResult>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(producer.sendAsync(MESSAGE));
        }
        long start = System.nanoTime();
        producer.close();
        long closeMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(closeMillis).as("close waits at most about the send timeout").isLessThan(6_000);
        for (var future : futures) {
            assertThatThrownBy(() -> future.get(1, java.util.concurrent.TimeUnit.SECONDS))
                    .cause().isInstanceOf(ProducerException.class);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (producerThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(producerThreads()).as("no producer thread outlives close").isZero();
        assertThatThrownBy(() -> producer.send(MESSAGE)).isInstanceOf(io.mqproducer.error.ProducerClosedException.class);
    }

    private static long producerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("mq-producer-")).count();
    }
}
