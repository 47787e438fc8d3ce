package io.mqproducer.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedRocketMQIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void messagesSentWithTheOfficialProducerAreReadBack() throws Exception {
        try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.start();
                TestProducer producer = new TestProducer(rocketMQ.nameServerAddress());
                ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "greetings")) {
            producer.send("greetings", "hello");
            producer.send("greetings", "hallo");
            producer.send("greetings", "bonjour");

            assertThat(Bodies.of(consumer.await(3, WAIT))).containsExactlyInAnyOrder("hello", "hallo", "bonjour");
        }
    }

    @Test
    void createTopicMakesATopicRoutableWhenAutoCreationIsOff() throws Exception {
        try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.builder().autoCreateTopics(false).start();
                TestProducer producer = new TestProducer(rocketMQ.nameServerAddress())) {
            assertThatThrownBy(() -> producer.send("not-created", "lost"))
                    .hasMessageContaining("No route info");

            rocketMQ.createTopic("created", 3);
            producer.send("created", "kept");

            try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "created")) {
                assertThat(Bodies.of(consumer.await(1, WAIT))).containsExactly("kept");
            }
        }
    }

    @Test
    void aStoppedBrokerIsUnreachableAndKeepsItsMessagesWhenStartedAgain() throws Exception {
        try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.start()) {
            String brokerAddress = rocketMQ.brokerAddress();
            try (TestProducer producer = new TestProducer(rocketMQ.nameServerAddress())) {
                producer.send("restart", "before");

                rocketMQ.stopBroker();

                assertThat(rocketMQ.isBrokerRunning()).isFalse();
                assertThat(Loopback.isAccepting(port(brokerAddress))).isFalse();
                assertThatThrownBy(() -> producer.send("restart", "while stopped")).isInstanceOf(Exception.class);
            }

            rocketMQ.startBroker();

            assertThat(rocketMQ.brokerAddress()).isEqualTo(brokerAddress);
            try (TestProducer producer = new TestProducer(rocketMQ.nameServerAddress());
                    ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "restart")) {
                producer.send("restart", "after");
                assertThat(Bodies.of(consumer.await(2, WAIT))).containsExactlyInAnyOrder("before", "after");
            }
        }
    }

    @Test
    void twoInstancesInOneJvmDoNotShareAnything() throws Exception {
        try (EmbeddedRocketMQ first = EmbeddedRocketMQ.builder().brokerName("broker-a").start();
                EmbeddedRocketMQ second = EmbeddedRocketMQ.builder().brokerName("broker-a").start();
                TestProducer toFirst = new TestProducer(first.nameServerAddress());
                TestProducer toSecond = new TestProducer(second.nameServerAddress());
                ReadBackConsumer fromFirst = ReadBackConsumer.of(first.nameServerAddress(), "shared-name");
                ReadBackConsumer fromSecond = ReadBackConsumer.of(second.nameServerAddress(), "shared-name")) {
            assertThat(first.nameServerAddress()).isNotEqualTo(second.nameServerAddress());
            assertThat(first.brokerAddress()).isNotEqualTo(second.brokerAddress());

            toFirst.send("shared-name", "to first");
            toSecond.send("shared-name", "to second");

            fromFirst.await(1, WAIT);
            fromSecond.await(1, WAIT);
            assertThat(Bodies.of(fromFirst.drain(Duration.ofMillis(500)))).containsExactly("to first");
            assertThat(Bodies.of(fromSecond.drain(Duration.ofMillis(500)))).containsExactly("to second");
        }
    }

    @Test
    void defaultNamesAreUniqueInTheJvm() {
        try (EmbeddedRocketMQ first = EmbeddedRocketMQ.start(); EmbeddedRocketMQ second = EmbeddedRocketMQ.start()) {
            assertThat(first.brokerName()).isNotEqualTo(second.brokerName());
            assertThat(first.clusterName()).isNotEqualTo(second.clusterName());
        }
    }

    @Test
    void closeStopsTheBrokerAtOnceAndCanBeRepeated() {
        EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.start();
        int brokerPort = port(rocketMQ.brokerAddress());

        rocketMQ.close();
        rocketMQ.close();

        assertThat(Loopback.isAccepting(brokerPort)).isFalse();
        assertThat(rocketMQ.isBrokerRunning()).isFalse();
        assertThatThrownBy(rocketMQ::nameServerAddress).isInstanceOf(IllegalStateException.class);
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
