package io.mqproducer.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@EmbeddedRocketMQTest
class EmbeddedRocketMQExtensionIT {

    private static EmbeddedRocketMQ fromBeforeAll;
    private final EmbeddedRocketMQ fromConstructor;
    private EmbeddedRocketMQ fromBeforeEach;

    EmbeddedRocketMQExtensionIT(EmbeddedRocketMQ rocketMQ) {
        this.fromConstructor = rocketMQ;
    }

    @BeforeAll
    static void beforeAll(EmbeddedRocketMQ rocketMQ) {
        fromBeforeAll = rocketMQ;
    }

    @BeforeEach
    void beforeEach(EmbeddedRocketMQ rocketMQ) {
        fromBeforeEach = rocketMQ;
    }

    @Test
    void injectsOneRunningBrokerEverywhere(EmbeddedRocketMQ rocketMQ) {
        assertThat(rocketMQ.isBrokerRunning()).isTrue();
        assertThat(rocketMQ).isSameAs(fromBeforeAll).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
    }

    @Test
    void createsTopicsOnFirstSendByDefault(EmbeddedRocketMQ rocketMQ) throws Exception {
        try (TestProducer producer = new TestProducer(rocketMQ.nameServerAddress());
                ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "extension")) {
            producer.send("extension", "via extension");

            assertThat(Bodies.of(consumer.await(1, Duration.ofSeconds(30)))).containsExactly("via extension");
        }
    }

    @Nested
    class NestedTests {

        @Test
        void shareTheEnclosingClassBroker(EmbeddedRocketMQ rocketMQ) {
            assertThat(rocketMQ).isSameAs(fromBeforeAll);
            assertThat(rocketMQ.isBrokerRunning()).isTrue();
        }
    }
}
