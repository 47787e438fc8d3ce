package io.mqproducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.message.Message;
import io.mqproducer.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed input, table-driven: each gets a typed error before anything reaches the broker, and a
 * valid send right after still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    private static final byte[] BODY = "ok".getBytes(StandardCharsets.UTF_8);
    private final AtomicInteger brokerSends = new AtomicInteger();
    private FakeServer broker;
    private FakeServer nameServer;
    private Producer producer;

    @BeforeAll
    void start() throws Exception {
        broker = new FakeServer(FakeServer.answering(request -> {
            RemotingCommand response = RemotingCommand.responseTo(request, 0, null);
            if (request.code() == RequestCode.SEND_MESSAGE_V2 || request.code() == RequestCode.SEND_BATCH_MESSAGE) {
                brokerSends.incrementAndGet();
                response.extFields().put("msgId", "00000000000000000000000000000001");
                response.extFields().put("queueId", "0");
                response.extFields().put("queueOffset", "1");
            }
            return response;
        }));
        String route = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"" + broker.address() + "\"},\"brokerName\":\"b\"}],"
                + "\"queueDatas\":[{\"brokerName\":\"b\",\"perm\":6,\"writeQueueNums\":2}]}";
        nameServer = new FakeServer(FakeServer.answering(request -> new RemotingCommand(0, RemotingCommand.FLAG_RESPONSE,
                request.opaque(), 1, "JAVA", null, Map.of(), route.getBytes(StandardCharsets.UTF_8))));
        producer = Producer.create(ProducerOptions.builder(nameServer.address()).maxMessageSize(1024)
                .sendTimeout(java.time.Duration.ofSeconds(10)).build()).start();
    }

    @AfterAll
    void stop() throws Exception {
        producer.close();
        broker.close();
        nameServer.close();
    }

    private static Arguments hostile(String name, Consumer<Producer> action) {
        return Arguments.of(name, action);
    }

    static Stream<Arguments> hostileInputs() {
        List<String> hugeKeys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            hugeKeys.add("key-" + i);
        }
        char[] nul = new char[10];
        Arrays.fill(nul, '\0');
        return Stream.of(
                hostile("null message", p -> p.send(null)),
                hostile("null async message", p -> p.sendAsync(null).join()),
                hostile("null oneway message", p -> p.sendOneway(null)),
                hostile("null batch", p -> p.sendBatch(null)),
                hostile("empty batch", p -> p.sendBatch(List.of())),
                hostile("batch with null", p -> p.sendBatch(Arrays.asList(Message.of("t", BODY), null))),
                hostile("null sharding key", p -> p.sendOrderly(Message.of("t", BODY), null)),
                hostile("null selector", p -> p.send(Message.of("t", BODY), (io.mqproducer.spi.MessageQueueSelector) null)),
                hostile("null timeout", p -> p.send(Message.of("t", BODY), (java.time.Duration) null)),
                hostile("null local transaction", p -> p.sendInTransaction(Message.of("t", BODY), null)),
                hostile("oversized body", p -> p.send(Message.of("t", new byte[1025]))),
                hostile("oversized async body", p -> p.sendAsync(Message.of("t", new byte[1025])).join()),
                hostile("huge key list", p -> p.send(Message.builder("t").body(BODY).keys(hugeKeys).build())),
                hostile("null keys", p -> Message.builder("t").body(BODY).keys((String[]) null)),
                hostile("null properties", p -> Message.builder("t").body(BODY).properties(null)),
                hostile("reserved property", p -> Message.builder("t").body(BODY).property("DELAY", "1").build()),
                hostile("separator in property value", p -> Message.builder("t").body(BODY).property("a", "x\u0001y").build()),
                hostile("NUL characters in topic", p -> Message.builder(new String(nul)).body(BODY).build()),
                hostile("overlong topic", p -> Message.builder("x".repeat(200)).body(BODY).build()),
                hostile("system topic", p -> Message.builder("RMQ_SYS_TRANS_HALF_TOPIC").body(BODY).build()),
                hostile("negative delay level", p -> Message.builder("t").body(BODY).delayLevel(-1).build()),
                hostile("two delay kinds", p -> Message.builder("t").body(BODY).delayLevel(1)
                        .deliverAfter(java.time.Duration.ofSeconds(1)).build()),
                hostile("null deliver-at", p -> Message.builder("t").body(BODY).deliverAt(null)),
                hostile("delayed message in a batch", p -> p.sendBatch(List.of(Message.builder("t").body(BODY)
                        .delayLevel(1).build()))),
                hostile("batch over two topics", p -> p.sendBatch(List.of(Message.of("a", BODY), Message.of("b", BODY)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void getsATypedErrorAndLeavesOtherSendsAlone(String name, Consumer<Producer> action) {
        int before = brokerSends.get();
        assertThatThrownBy(() -> action.accept(producer))
                .satisfies(e -> assertThat(unwrap(e)).isInstanceOf(ProducerException.class)
                        .isInstanceOf(InvalidMessageException.class));
        assertThat(brokerSends.get()).as("nothing went on the wire").isEqualTo(before);
        assertThat(producer.send(Message.of("t", BODY)).status()).isEqualTo(SendStatus.SEND_OK);
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
