package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.SendResult;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code mq.producer.trace.*} end to end: a template send leaves a record the official decoder reads. */
@EmbeddedRocketMQTest
class TraceStarterIT {
    private static final String TOPIC = "trace-starter-it";
    private static final String TRACE_TOPIC = "trace-starter-it-trace";

    @Test
    void aTemplateSendIsTracedToTheConfiguredTopic(EmbeddedRocketMQ rocketMQ) {
        rocketMQ.createTopic(TOPIC, 1);
        SendResult[] sent = new SendResult[1];
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class))
                .withPropertyValues("mq.producer.name-server=" + rocketMQ.nameServerAddress(),
                        "mq.producer.group=trace-starter-group", "mq.producer.send-timeout=10s",
                        "mq.producer.trace.enabled=true", "mq.producer.trace.topic=" + TRACE_TOPIC)
                .run(context -> sent[0] = context.getBean(ProducerTemplate.class).send(TOPIC + ":created", "hello"));
        // The context is closed: closing the producer wrote the record.

        try (ReadBackConsumer trace = ReadBackConsumer.of(rocketMQ.nameServerAddress(), TRACE_TOPIC)) {
            List<MessageExt> messages = trace.await(1, Duration.ofSeconds(30));
            List<TraceContext> records = messages.stream().flatMap(m -> TraceDataEncoder.decoderFromTraceDataString(
                    new String(m.getBody(), StandardCharsets.UTF_8)).stream()).toList();
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.getGroupName()).isEqualTo("trace-starter-group");
                assertThat(record.isSuccess()).isTrue();
                assertThat(record.getTraceBeans().get(0).getMsgId()).isEqualTo(sent[0].messageId());
                assertThat(record.getTraceBeans().get(0).getTopic()).isEqualTo(TOPIC);
                assertThat(record.getTraceBeans().get(0).getTags()).isEqualTo("created");
            });
        }
    }
}
