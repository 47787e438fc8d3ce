package io.mqproducer.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with Netty's native epoll library on the class path (see the core module's failsafe
 * executions; the other tests run with {@code io.netty.transport.noNative=true}, i.e. on NIO): every send mode
 * goes over epoll and is read back with the official consumer.
 */
@EmbeddedRocketMQTest
class NativeTransportIT {

    @BeforeAll
    static void nativeEpollLoadsOnLinuxAmd64() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch")),
                "the test class path carries the linux-x86_64 native library only");
        assertThat(io.netty.channel.epoll.Epoll.unavailabilityCause()).isNull();
    }

    @Test
    void producerPicksEpollWhenItsLibraryIsPresent() {
        assertThat(NettyTransport.detect()).isEqualTo(NettyTransport.EPOLL);
    }

    @Test
    void everySendModeOverEpollIsStoredOnce(EmbeddedRocketMQ broker) throws Exception {
        String topic = "NativeTransportIT";
        broker.createTopic(topic, 4);
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("native-transport-it").sendTimeout(Duration.ofSeconds(5)).build()).start()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(producer.send(message(topic, "sync-" + i)).messageId());
            }
            List<CompletableFuture<SendResult>> async = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                async.add(producer.sendAsync(message(topic, "async-" + i)));
            }
            for (CompletableFuture<SendResult> future : async) {
                ids.add(future.get().messageId());
            }
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(message(topic, "batch-" + i));
            }
            producer.sendBatch(batch).forEach(result -> ids.add(result.messageId()));
            producer.sendOneway(message(topic, "oneway"));

            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                List<MessageExt> received = consumer.await(51, Duration.ofSeconds(30));
                assertThat(received).hasSize(51);
                Set<String> bodies = received.stream()
                        .map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
                assertThat(bodies).hasSize(51).contains("sync-19", "async-19", "batch-9", "oneway");
                assertThat(received.stream().map(MessageExt::getMsgId).collect(Collectors.toSet()))
                        .containsAll(ids);
            }
        }
    }

    private static Message message(String topic, String body) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).build();
    }
}
