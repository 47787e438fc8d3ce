package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.SendResult;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.message.Message;
import io.mqproducer.spring.MessageCustomizer;
import io.mqproducer.spring.ProducerListener;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * {@link MessageCustomizer} and {@link ProducerListener} beans against a real embedded broker, with
 * {@code mq.producer.fail-fast=true} (which passes, as the name server answers).
 */
@EmbeddedRocketMQTest
class ProducerHooksIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "hooks-it";

    @Test
    void customizersChangeEveryMessageAndListenersSeeEveryOutcome(EmbeddedRocketMQ rocketMQ) throws Exception {
        rocketMQ.createTopic(TOPIC, 1);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class))
                .withUserConfiguration(Hooks.class)
                .withPropertyValues("mq.producer.name-server=" + rocketMQ.nameServerAddress(),
                        "mq.producer.fail-fast=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ProducerTemplate template = context.getBean(ProducerTemplate.class);
                    Events events = context.getBean(Events.class);

                    SendResult sync = template.send(TOPIC + ":sync", "one");
                    SendResult async = template.sendAsync(TOPIC + ":async", "two").get(10, TimeUnit.SECONDS);

                    assertThat(events.list).containsExactly(
                            "first success " + sync.messageId() + " order=first,second",
                            "second success " + sync.messageId() + " order=first,second",
                            "first success " + async.messageId() + " order=first,second",
                            "second success " + async.messageId() + " order=first,second");
                    try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), TOPIC)) {
                        List<MessageExt> messages = consumer.await(2, WAIT).stream()
                                .sorted(Comparator.comparing(MessageExt::getTags)).toList();
                        assertThat(messages).extracting(MessageExt::getTags).containsExactly("async", "sync");
                        assertThat(messages).extracting(message -> message.getUserProperty("order"))
                                .containsExactly("first,second", "first,second");
                    }

                    // A closed producer fails the send, and the listeners hear of it.
                    events.list.clear();
                    context.getBean(Producer.class).close();
                    Throwable failure = template.sendAsync(TOPIC, "three").handle((result, error) -> error)
                            .get(10, TimeUnit.SECONDS);
                    assertThat(failure).isInstanceOf(ProducerClosedException.class);
                    assertThat(events.list).containsExactly(
                            "first failure ProducerClosedException order=first,second",
                            "second failure ProducerClosedException order=first,second");
                });
    }

    /** What the listeners saw, in order. */
    static final class Events {
        final List<String> list = new CopyOnWriteArrayList<>();
    }

    record NamedListener(String name, Events events) implements ProducerListener {
        @Override
        public void onSuccess(Message message, SendResult result) {
            events.list.add(name + " success " + result.messageId() + " order=" + message.properties().get("order"));
        }

        @Override
        public void onFailure(Message message, Throwable failure) {
            events.list.add(name + " failure " + failure.getClass().getSimpleName() + " order="
                    + message.properties().get("order"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Hooks {
        @Bean
        Events events() {
            return new Events();
        }

        // Declared in reverse: @Order, not declaration order, decides.
        @Bean
        @Order(2)
        MessageCustomizer secondCustomizer() {
            return message -> message.toBuilder(message.topic())
                    .property("order", message.properties().get("order") + ",second").build();
        }

        @Bean
        @Order(1)
        MessageCustomizer firstCustomizer() {
            return message -> message.toBuilder(message.topic()).property("order", "first").build();
        }

        @Bean
        @Order(2)
        ProducerListener secondListener(Events events) {
            return new NamedListener("second", events);
        }

        @Bean
        @Order(1)
        ProducerListener firstListener(Events events) {
            return new NamedListener("first", events);
        }
    }
}
