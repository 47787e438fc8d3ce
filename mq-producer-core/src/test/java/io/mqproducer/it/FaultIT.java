package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.TopicRouteNotFoundException;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Faults get a typed error within the send timeout, never a hang. */
class FaultIT {
    private static final byte[] BODY = "x".getBytes(StandardCharsets.UTF_8);

    @Test
    void sendToAStoppedBrokerFailsWithinTheTimeout() {
        try (EmbeddedRocketMQ broker = EmbeddedRocketMQ.start();
             Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                     .sendTimeout(Duration.ofSeconds(2)).build()).start()) {
            broker.createTopic("FaultIT", 2);
            producer.send(Message.of("FaultIT", BODY));
            broker.stopBroker();

            long start = System.nanoTime();
            assertThatThrownBy(() -> producer.send(Message.of("FaultIT", BODY)))
                    .isInstanceOf(ProducerException.class)
                    .satisfies(e -> assertThat(((ProducerException) e).isRetriable()
                            || e instanceof io.mqproducer.error.DeliveryTimeoutException).isTrue());
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMillis).as("fails within the send timeout").isLessThan(3000);

            CompletableFuture<?> async = producer.sendAsync(Message.of("FaultIT", BODY));
            assertThatThrownBy(() -> async.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ProducerException.class);
        }
    }

    @Test
    void unreachableNameServerIsATypedError() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (Producer producer = Producer.create(ProducerOptions.builder("127.0.0.1:" + freePort)
                .sendTimeout(Duration.ofSeconds(2)).build()).start()) {
            assertThatThrownBy(() -> producer.send(Message.of("Anything", BODY)))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("no name server answered");
        }
    }

    @Test
    void topicThatCannotBeCreatedIsATypedError() {
        try (EmbeddedRocketMQ broker = EmbeddedRocketMQ.builder().autoCreateTopics(false).build();
             Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress()).build()).start()) {
            assertThatThrownBy(() -> producer.send(Message.of("NoSuchTopic", BODY)))
                    .isInstanceOf(TopicRouteNotFoundException.class)
                    .hasMessageContaining("NoSuchTopic");
        }
    }

    @Test
    void invalidInputAndLifecycleErrorsNeverTouchTheNetwork() {
        Producer producer = Producer.create(ProducerOptions.builder("127.0.0.1:1").maxMessageSize(8).build());
        assertThatThrownBy(() -> producer.send(Message.of("t", BODY))).isInstanceOf(ProducerClosedException.class)
                .hasMessageContaining("not started");
        producer.start();
        assertThatThrownBy(() -> producer.send(Message.of("t", new byte[9]))).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("limit is 8");
        assertThatThrownBy(() -> producer.sendAsync(Message.of("t", new byte[9])).join())
                .hasCauseInstanceOf(InvalidMessageException.class);
        producer.close();
        assertThatThrownBy(() -> producer.send(Message.of("t", BODY))).isInstanceOf(ProducerClosedException.class);
    }
}
