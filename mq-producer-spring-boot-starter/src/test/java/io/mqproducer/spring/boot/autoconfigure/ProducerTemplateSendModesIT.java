package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.SendResult;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.spi.TransactionChecker;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Orderly, batch, delayed and transactional sends through the template, read back from a real broker. */
@EmbeddedRocketMQTest
class ProducerTemplateSendModesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String text(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void everySendModeReachesTheBroker(EmbeddedRocketMQ rocketMQ) {
        rocketMQ.createTopic("template-modes", 1);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class))
                .withBean(TransactionChecker.class, () -> half -> TransactionState.COMMIT)
                .withPropertyValues("mq.producer.name-server=" + rocketMQ.nameServerAddress())
                .run(context -> {
                    ProducerTemplate template = context.getBean(ProducerTemplate.class);
                    assertThat(template.producer().options().transactionChecker()).as("checker bean wired").isNotNull();

                    template.sendOrderly("template-modes:ordered", "ordered-1", "order-7");
                    List<SendResult> batch = template.sendBatch("template-modes", List.of("batch-1", "batch-2"));
                    assertThat(batch).hasSize(2);
                    long sent = System.currentTimeMillis();
                    template.sendDelayed("template-modes", "delayed", Duration.ofSeconds(2));
                    TransactionResult committed = template.sendInTransaction("template-modes", "transactional",
                            message -> TransactionState.COMMIT);
                    assertThat(committed.state()).isEqualTo(TransactionState.COMMIT);

                    try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "template-modes")) {
                        List<MessageExt> received = consumer.await(5, WAIT);
                        assertThat(received).extracting(ProducerTemplateSendModesIT::text)
                                .containsExactlyInAnyOrder("ordered-1", "batch-1", "batch-2", "delayed", "transactional");
                        MessageExt delayed = received.stream().filter(m -> text(m).equals("delayed")).findFirst().orElseThrow();
                        assertThat(delayed.getStoreTimestamp() - sent).as("stored for delivery after the delay")
                                .isGreaterThanOrEqualTo(1_500);
                        assertThat(received.stream().filter(m -> text(m).equals("ordered-1")).findFirst().orElseThrow()
                                .getTags()).isEqualTo("ordered");
                    }
                });
    }

    @Test
    void asyncDelayedAndPrioritySendsReachTheBroker(EmbeddedRocketMQ rocketMQ) {
        rocketMQ.createTopic("template-async-modes", 4);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class))
                .withPropertyValues("mq.producer.name-server=" + rocketMQ.nameServerAddress())
                .run(context -> {
                    ProducerTemplate template = context.getBean(ProducerTemplate.class);
                    long sent = System.currentTimeMillis();
                    SendResult timer = template.sendDelayedAsync("template-async-modes", "timer-async",
                            Duration.ofSeconds(2)).get(10, java.util.concurrent.TimeUnit.SECONDS);
                    SendResult level = template.sendDelayedAsync("template-async-modes", "level-async", 1)
                            .get(10, java.util.concurrent.TimeUnit.SECONDS);
                    SendResult priority = template.sendWithPriority("template-async-modes", "priority-2", 2);
                    SendResult bounded = template.send("template-async-modes", "bounded", Duration.ofSeconds(5));
                    SendResult boundedAsync = template.sendAsync("template-async-modes", "bounded-async",
                            Duration.ofSeconds(5)).get(10, java.util.concurrent.TimeUnit.SECONDS);
                    SendResult orderedBounded = template.sendOrderly("template-async-modes", "ordered-bounded",
                            "order-9", Duration.ofSeconds(5));
                    assertThat(priority.queue().queueId()).as("the broker places it by priority").isEqualTo(2);
                    assertThat(template.sendDelayedAsync("template-async-modes", "bad", 99))
                            .as("bad input fails the future").isCompletedExceptionally();

                    try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(),
                            "template-async-modes")) {
                        List<MessageExt> received = consumer.await(6, WAIT);
                        assertThat(received).extracting(MessageExt::getMsgId).containsExactlyInAnyOrder(
                                timer.messageId(), level.messageId(), priority.messageId(), bounded.messageId(),
                                boundedAsync.messageId(), orderedBounded.messageId());
                        for (MessageExt message : received) {
                            if (text(message).endsWith("-async") && !text(message).startsWith("bounded")) {
                                assertThat(message.getStoreTimestamp() - sent).as(text(message) + " stored when due")
                                        .isGreaterThanOrEqualTo(900);
                            }
                        }
                    }
                });
    }
}
