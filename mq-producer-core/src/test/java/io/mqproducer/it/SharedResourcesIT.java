package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.ProducerResources;
import io.mqproducer.SendResult;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** Producers of one application on shared threads: one set of threads, each producer closes without the others. */
@EmbeddedRocketMQTest
class SharedResourcesIT {

    @Test
    void producersOnSharedResourcesAddNoThreadsAndOutliveEachOther(EmbeddedRocketMQ broker) throws Exception {
        String topic = "SharedResourcesIT";
        broker.createTopic(topic, 2);
        long threadsBefore = producerThreads();
        try (ProducerResources resources = ProducerResources.create(2, 2)) {
            List<Producer> producers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                producers.add(Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                        .producerGroup("shared-it-" + i).sendTimeout(Duration.ofSeconds(15)).resources(resources).build())
                        .start());
            }
            for (int i = 0; i < producers.size(); i++) {
                producers.get(i).send(message(topic, "sync-" + i));
                producers.get(i).sendAsync(message(topic, "async-" + i)).get(10, TimeUnit.SECONDS);
            }
            assertThat(producerThreads() - threadsBefore).as("one set of threads for five producers")
                    .isLessThanOrEqualTo(2 + 1 + 2); // event loops, scheduler, callbacks; 5 producers alone: 5 x 7

            for (int i = 1; i < producers.size(); i++) {
                producers.get(i).close();
            }
            assertThat(resources.isClosed()).isFalse();
            SendResult afterOthersClosed = producers.get(0).sendAsync(message(topic, "last"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(afterOthersClosed.messageId()).isNotEmpty();
            producers.get(0).close();

            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                List<MessageExt> stored = consumer.await(11, Duration.ofSeconds(30));
                assertThat(stored).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                        .contains("sync-0", "async-4", "last");
            }
        }
    }

    @Test
    void aProducerCannotStartOnClosedResources(EmbeddedRocketMQ broker) {
        ProducerResources resources = ProducerResources.create();
        resources.close();
        Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .resources(resources).build());
        assertThatThrownBy(producer::start).isInstanceOf(ProducerClosedException.class)
                .hasMessageContaining("closed");
    }

    private static Message message(String topic, String body) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** Live threads the producers and their resources run: {@code mq-producer-io-*}, scheduler and callbacks. */
    private static long producerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("mq-producer-io") || t.getName().startsWith("mq-producer-scheduler")
                        || t.getName().startsWith("mq-producer-callback"))
                .filter(Thread::isAlive)
                .count();
    }
}
