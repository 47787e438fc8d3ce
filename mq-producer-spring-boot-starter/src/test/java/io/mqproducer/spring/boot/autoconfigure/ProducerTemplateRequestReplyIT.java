package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.SendResult;
import io.mqproducer.error.RecallDisabledException;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.RequestResponder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request-reply and recall through the template against a real broker; replies come from a responder on the official
 * client and are read like payloads are written.
 */
@EmbeddedRocketMQTest
class ProducerTemplateRequestReplyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Question(String text, int number) {
    }

    record Answer(String text, int number) {
    }

    private ApplicationContextRunner runner(EmbeddedRocketMQ rocketMQ) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class))
                .withPropertyValues("mq.producer.name-server=" + rocketMQ.nameServerAddress(),
                        "mq.producer.send-timeout=20s");
    }

    @Test
    void sendAndReceiveConvertsRequestAndReply(EmbeddedRocketMQ rocketMQ) {
        String topic = "template-request-reply";
        rocketMQ.createTopic(topic, 2);
        try (RequestResponder responder = RequestResponder.start(rocketMQ.nameServerAddress(), topic, request -> {
            if ("text".equals(request.getTags())) {
                return new String(request.getBody(), StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8);
            }
            Question question = JSON.readValue(request.getBody(), Question.class);
            return JSON.writeValueAsBytes(new Answer("re: " + question.text(), question.number() + 1));
        })) {
            runner(rocketMQ).run(context -> {
                ProducerTemplate template = context.getBean(ProducerTemplate.class);

                Answer answer = template.sendAndReceive(topic + ":json", new Question("meaning", 41), Answer.class,
                        TIMEOUT);
                assertThat(answer).isEqualTo(new Answer("re: meaning", 42));

                CompletableFuture<String> text = template.sendAndReceiveAsync(topic + ":text", "hello", String.class,
                        TIMEOUT);
                assertThat(text.join()).isEqualTo("HELLO");
                byte[] bytes = template.sendAndReceive(topic + ":text", "bytes", byte[].class, TIMEOUT);
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("BYTES");
            });
        }
    }

    @Test
    void recallThroughTheTemplateReachesTheBroker(EmbeddedRocketMQ rocketMQ) {
        String topic = "template-recall";
        rocketMQ.createTopic(topic, 1);
        runner(rocketMQ).run(context -> {
            ProducerTemplate template = context.getBean(ProducerTemplate.class);
            SendResult sent = template.sendDelayed(topic, "later", Duration.ofSeconds(30));
            assertThat(sent.recallHandle()).isNotBlank();

            // The embedded broker keeps RocketMQ's default, recall off: the answer says how to turn it on.
            assertThatThrownBy(() -> template.recall(topic, sent.recallHandle()))
                    .isInstanceOf(RecallDisabledException.class).hasMessageContaining("recallMessageEnable=true");
        });
    }
}
