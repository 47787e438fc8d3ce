package io.mqproducer.internal.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.message.Message;
import io.mqproducer.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that takes requests and never answers (hung, SIGSTOP): the request timeout leaves room for a retry. An IT:
 * a whole producer against scripted servers on real sockets, waiting out real timeouts.
 */
class HungBrokerLoopbackIT {
    private static final Message MESSAGE = Message.of("T", "x".getBytes(StandardCharsets.UTF_8));
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> operatorLines =
            new ch.qos.logback.core.read.ListAppender<>();

    @org.junit.jupiter.api.BeforeEach
    void captureOperatorLog() {
        operatorLines.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.mqproducer")).addAppender(operatorLines);
    }

    @AfterEach
    void close() throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.mqproducer")).detachAppender(operatorLines);
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private List<String> operatorLines(String containing) {
        return operatorLines.list.stream().filter(e -> e.getLoggerName().equals("io.mqproducer"))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).filter(line -> line.contains(containing)).toList();
    }

    private FakeServer server(Function<RemotingCommand, RemotingCommand> answer) throws Exception {
        FakeServer server = new FakeServer(FakeServer.broker(answer));
        closeables.add(server);
        return server;
    }

    private FakeServer nameServer(String json) throws Exception {
        return server(request -> new RemotingCommand(0, RemotingCommand.FLAG_RESPONSE, request.opaque(), 1, "JAVA", null,
                Map.of(), json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String broker(String name, String address) {
        return "{\"brokerAddrs\":{0:\"" + address + "\"},\"brokerName\":\"" + name + "\"}";
    }

    private static String queues(String name) {
        return "{\"brokerName\":\"" + name + "\",\"perm\":6,\"writeQueueNums\":4}";
    }

    private static RemotingCommand stored(RemotingCommand request) {
        RemotingCommand response = RemotingCommand.responseTo(request, 0, null);
        response.extFields().put("msgId", "00000000000000000000000000000001");
        response.extFields().put("queueId", request.extField("e"));
        response.extFields().put("queueOffset", "1");
        return response;
    }

    private Producer producer(String nameServer, ProducerOptions.Builder options) {
        Producer producer = Producer.create(options.nameServer(nameServer).build()).start();
        closeables.add(producer);
        return producer;
    }

    private static boolean isSend(RemotingCommand request) {
        return request.code() == RequestCode.SEND_MESSAGE || request.code() == RequestCode.SEND_MESSAGE_V2;
    }

    @Test
    void withOneOfTwoBrokersHungNoSendFails() throws Exception {
        AtomicInteger toHung = new AtomicInteger();
        FakeServer hung = server(request -> {
            if (isSend(request)) {
                toHung.incrementAndGet();
            }
            return null;
        });
        FakeServer healthy = server(HungBrokerLoopbackIT::stored);
        FakeServer nameServer = nameServer("{\"brokerDatas\":[" + broker("a", hung.address()) + ","
                + broker("b", healthy.address()) + "],\"queueDatas\":[" + queues("a") + "," + queues("b") + "]}");
        // The official client's defaults: 3 s for the whole send, 2 retries; the request timeout is derived (1 s).
        Producer producer = producer(nameServer.address(), ProducerOptions.builder().adaptiveBatching(false));

        for (int i = 0; i < 12; i++) {
            long started = System.nanoTime();
            SendResult result = producer.send(MESSAGE);
            assertThat(result.queue().brokerName()).isEqualTo("b");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        }
        assertThat(toHung.get()).as("the hung broker got the first attempt, then was avoided").isBetween(1, 2);
        assertThat(operatorLines("avoided")).as("logged once, not per send").singleElement().asString()
                .startsWith("WARN broker a (" + hung.address() + ") avoided for 10 s: no answer from " + hung.address());
    }

    @Test
    void aPerSendTimeoutBoundsThatSendInsteadOfTheProducersSendTimeout() throws Exception {
        FakeServer hung = server(request -> null);
        FakeServer nameServer = nameServer("{\"brokerDatas\":[" + broker("a", hung.address()) + "],"
                + "\"queueDatas\":[" + queues("a") + "]}");
        Producer producer = producer(nameServer.address(), ProducerOptions.builder().sendTimeout(Duration.ofSeconds(30))
                .adaptiveBatching(false));

        long started = System.nanoTime();
        org.junit.jupiter.api.Assertions.assertThrows(ProducerException.class,
                () -> producer.send(MESSAGE, Duration.ofMillis(600)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("600 ms, not the producer's 30 s")
                .isLessThan(Duration.ofSeconds(5));
        started = System.nanoTime();
        java.util.concurrent.CompletableFuture<SendResult> async = producer.sendAsync(MESSAGE, Duration.ofMillis(600));
        org.assertj.core.api.Assertions.assertThat(async).failsWithin(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        started = System.nanoTime();
        org.junit.jupiter.api.Assertions.assertThrows(ProducerException.class,
                () -> producer.sendOrderly(MESSAGE, "order-1", Duration.ofMillis(600)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        org.junit.jupiter.api.Assertions.assertThrows(io.mqproducer.error.InvalidMessageException.class,
                () -> producer.send(MESSAGE, Duration.ZERO));
        assertThat(producer.sendAsync(MESSAGE, Duration.ofMillis(-1))).isCompletedExceptionally();
    }

    @Test
    void aSyncFailureIsThrownFromTheCallersThreadWithTheOriginalAsCause() throws Exception {
        FakeServer hung = server(request -> null);
        FakeServer nameServer = nameServer("{\"brokerDatas\":[" + broker("a", hung.address()) + "],"
                + "\"queueDatas\":[" + queues("a") + "]}");
        Producer producer = producer(nameServer.address(), ProducerOptions.builder().sendTimeout(Duration.ofMillis(1_500))
                .requestTimeout(Duration.ofMillis(500)).retries(0).adaptiveBatching(false));

        ProducerException thrown = org.junit.jupiter.api.Assertions.assertThrows(ProducerException.class,
                () -> producer.send(MESSAGE));
        String caller = "aSyncFailureIsThrownFromTheCallersThreadWithTheOriginalAsCause";
        assertThat(thrown.getStackTrace()).as("the caller's stack").anyMatch(f -> f.getMethodName().contains(caller));
        assertThat(thrown.getCause()).as("the original, same type").isExactlyInstanceOf(thrown.getClass())
                .hasMessage(thrown.getMessage());
        assertThat(thrown.getCause().getStackTrace()).as("made on a producer thread")
                .noneMatch(f -> f.getMethodName().contains(caller));
    }

    @Test
    void aTimeoutNamesTheBrokerAndItsAddress() throws Exception {
        FakeServer hung = server(request -> null);
        FakeServer nameServer = nameServer("{\"brokerDatas\":[" + broker("broker-x", hung.address()) + "],"
                + "\"queueDatas\":[" + queues("broker-x") + "]}");
        Producer producer = producer(nameServer.address(), ProducerOptions.builder().sendTimeout(Duration.ofMillis(1_500))
                .requestTimeout(Duration.ofMillis(500)).adaptiveBatching(false));

        long started = System.nanoTime();
        assertThatThrownBy(() -> producer.send(MESSAGE)).isInstanceOf(ProducerException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("send to broker broker-x (queue ")
                        .containsPattern("no answer from " + hung.address() + " within \\d+ ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3_000));
        assertThat(operatorLines("send to topic T failed")).singleElement().asString()
                .startsWith("WARN send to topic T failed after ").doesNotContain("x\"");
    }
}
