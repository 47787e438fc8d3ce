package io.mqproducer.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadBackConsumerIT {

    private static EmbeddedRocketMQ rocketMQ;
    private static TestProducer producer;

    @BeforeAll
    static void startBroker() {
        rocketMQ = EmbeddedRocketMQ.start();
        producer = new TestProducer(rocketMQ.nameServerAddress());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        rocketMQ.close();
    }

    @Test
    void readsATopicThatIsCreatedAfterTheConsumerStarted() throws Exception {
        try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "created-later")) {
            producer.send("created-later", "first");

            assertThat(Bodies.of(consumer.await(1, Duration.ofSeconds(30)))).containsExactly("first");
        }
    }

    @Test
    void awaitFailsWithTheMessagesThatDidArrive() throws Exception {
        producer.send("too-few", "the only one");
        try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "too-few")) {
            consumer.await(1, Duration.ofSeconds(30));

            assertThatThrownBy(() -> consumer.await(2, Duration.ofMillis(500)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected 2 messages on topic too-few")
                    .hasMessageContaining("received 1")
                    .hasMessageContaining("body=\"the only one\"");
        }
    }

    @Test
    void drainReturnsEverythingOnceTheTopicIsQuiet() throws Exception {
        for (int i = 0; i < 5; i++) {
            producer.send("drained", "message " + i);
        }
        try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "drained")) {
            consumer.await(5, Duration.ofSeconds(30));

            assertThat(Bodies.of(consumer.drain(Duration.ofMillis(500))))
                    .containsExactlyInAnyOrder("message 0", "message 1", "message 2", "message 3", "message 4");
        }
    }

    @Test
    void closeCanBeRepeatedAndStopsPolling() {
        ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "closed");
        consumer.close();
        consumer.close();

        assertThatThrownBy(() -> consumer.await(1, Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }
}
