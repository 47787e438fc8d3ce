package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mqproducer.BrokerState;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.TopicRoute;
import io.mqproducer.TransactionState;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.message.Message;
import io.mqproducer.spi.SendEvent;
import io.mqproducer.spi.SendObserver;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The observer hears of every send call, batch request and route fetch; routes and broker states can be read. */
@EmbeddedRocketMQTest
class SendObserverIT {
    private static final String TOPIC = "SendObserverIT";

    private final List<SendEvent> sends = new CopyOnWriteArrayList<>();
    private final List<Integer> batchRequests = new CopyOnWriteArrayList<>();
    private final List<String> routeFetches = new CopyOnWriteArrayList<>();

    private final SendObserver observer = new SendObserver() {
        @Override
        public void onSendCompleted(SendEvent event) {
            sends.add(event);
        }

        @Override
        public void onBatchRequest(String topic, int messages) {
            batchRequests.add(messages);
        }

        @Override
        public void onRouteFetched(String topic, Set<String> brokerNames) {
            routeFetches.add(topic + "=" + brokerNames);
        }
    };

    @Test
    void everySendCallIsToldOnceWithItsModeSizeAndOutcome(EmbeddedRocketMQ broker) throws Exception {
        broker.createTopic(TOPIC, 2);
        Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress()).observer(observer)
                .transactionChecker(half -> TransactionState.COMMIT).sendTimeout(Duration.ofSeconds(5)).build())
                .start();
        try (producer) {
            producer.send(message(10));
            producer.sendAsync(message(20)).get(10, TimeUnit.SECONDS);
            producer.sendBatch(List.of(message(1), message(2), message(3)));
            producer.sendOneway(message(5));
            producer.sendInTransaction(message(7), m -> TransactionState.COMMIT);

            assertThat(sends).extracting(SendEvent::mode, SendEvent::messages, SendEvent::bodyBytes,
                    SendEvent::transactional, SendEvent::succeeded).containsExactly(
                    tuple(SendEvent.Mode.SYNC, 1, 10L, false, true),
                    tuple(SendEvent.Mode.ASYNC, 1, 20L, false, true),
                    tuple(SendEvent.Mode.SYNC, 3, 6L, false, true),
                    tuple(SendEvent.Mode.ONEWAY, 1, 5L, false, true),
                    tuple(SendEvent.Mode.SYNC, 1, 7L, true, true));
            assertThat(sends).allSatisfy(event -> assertThat(event.durationNanos()).isPositive());
            assertThat(batchRequests).containsExactly(3);
            assertThat(routeFetches).contains(TOPIC + "=[" + broker.brokerName() + "]");

            assertThat(producer.routes()).extracting(TopicRoute::topic).contains(TOPIC);
            TopicRoute route = producer.routes().stream().filter(r -> r.topic().equals(TOPIC)).findFirst()
                    .orElseThrow();
            assertThat(route.brokers()).containsExactly(
                    new TopicRoute.Broker(broker.brokerName(), broker.brokerAddress(), 2));
            BrokerState state = producer.brokerStates().get(broker.brokerName());
            assertThat(state.lastLatencyMillis()).isNotNegative();
            assertThat(state.avoidedUntil()).isNull();
        }

        assertThatThrownBy(() -> producer.send(message(1))).isInstanceOf(ProducerClosedException.class);
        assertThat(sends.get(sends.size() - 1).failure()).isInstanceOf(ProducerClosedException.class);
        assertThat(producer.routes()).isEmpty();
    }

    private static Message message(int size) {
        return Message.builder(TOPIC).body(new byte[size]).build();
    }
}
