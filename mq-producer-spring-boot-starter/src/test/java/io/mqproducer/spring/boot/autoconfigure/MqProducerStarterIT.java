package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.spring.MqHeaders;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.boot.autoconfigure.health.MqProducerHealthAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.metrics.MqProducerMetricsAutoConfiguration;
import io.mqproducer.spring.health.MqProducerHealthIndicator;
import io.mqproducer.spring.micrometer.ProducerMeters;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The whole starter against a real embedded broker: the template's messages read back, metrics and health UP. */
@EmbeddedRocketMQTest
class MqProducerStarterIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    record Order(String orderId, int amount) {
    }

    @Test
    void templateSendsWhatItIsGivenAndRecordsItAndReportsUp(EmbeddedRocketMQ rocketMQ) {
        // One queue: the read-back consumer's two pull threads would otherwise long-poll empty queues first.
        rocketMQ.createTopic("starter-it", 1);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                        MqProducerMetricsAutoConfiguration.class, MqProducerHealthAutoConfiguration.class,
                        MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class))
                .withUserConfiguration(SnakeCaseJson.class)
                .withPropertyValues("mq.producer.name-server=" + rocketMQ.nameServerAddress())
                .run(context -> {
                    ProducerTemplate template = context.getBean(ProducerTemplate.class);

                    SendResult sync = template.send("starter-it:created", new Order("o-1", 42), List.of("o-1"),
                            Map.of("tenant", "acme"));
                    SendResult async = template.sendAsync("starter-it", MessageBuilder.withPayload("grüße")
                            .setHeader(MqHeaders.TAGS, "text").setHeader("attempt", 2).build()).join();
                    template.sendOneway("starter-it:raw", new byte[] {1, 2, 3}, "k-raw");

                    assertThat(sync.status()).isEqualTo(SendStatus.SEND_OK);
                    assertThat(async.status()).isEqualTo(SendStatus.SEND_OK);
                    assertReadBack(rocketMQ);
                    assertRecorded(context.getBean(MeterRegistry.class));

                    Health health = context.getBean(MqProducerHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("nameServers",
                            Map.of(rocketMQ.nameServerAddress(), "UP"))
                            .containsEntry("brokers", Map.of(rocketMQ.brokerAddress(), "UP"));
                });
    }

    private static void assertReadBack(EmbeddedRocketMQ rocketMQ) {
        try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "starter-it")) {
            List<MessageExt> messages = consumer.await(3, WAIT).stream()
                    .sorted(Comparator.comparing(MessageExt::getTags)).toList();
            assertThat(messages).extracting(MessageExt::getTags).containsExactly("created", "raw", "text");

            MessageExt json = messages.get(0);
            assertThat(new String(json.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"order_id\":\"o-1\",\"amount\":42}");
            assertThat(json.getKeys()).isEqualTo("o-1");
            assertThat(json.getUserProperty("tenant")).isEqualTo("acme");
            assertThat(json.getUserProperty(MqHeaders.CONTENT_TYPE)).isEqualTo("application/json");

            MessageExt raw = messages.get(1);
            assertThat(raw.getBody()).containsExactly(1, 2, 3);
            assertThat(raw.getKeys()).isEqualTo("k-raw");
            assertThat(raw.getUserProperty(MqHeaders.CONTENT_TYPE)).isEqualTo("application/octet-stream");

            MessageExt text = messages.get(2);
            assertThat(new String(text.getBody(), StandardCharsets.UTF_8)).isEqualTo("grüße");
            assertThat(text.getUserProperty("attempt")).isEqualTo("2");
            assertThat(text.getUserProperty("id")).isNull();
            assertThat(text.getUserProperty("timestamp")).isNull();
            assertThat(text.getUserProperty(MqHeaders.CONTENT_TYPE)).isEqualTo("text/plain;charset=UTF-8");
        }
    }

    private static void assertRecorded(MeterRegistry registry) {
        for (String mode : List.of("sync", "async", "oneway")) {
            assertThat(registry.get(ProducerMeters.SEND)
                    .tags("topic", "starter-it", "result", "success", "mode", mode, "exception", "none")
                    .timer().count()).as(mode).isEqualTo(1);
        }
        assertThat(registry.find(ProducerMeters.FAILURES).counter()).isNull();
        assertThat(registry.get(ProducerMeters.INFLIGHT).gauge().value()).isZero();
    }

    @Configuration(proxyBeanMethods = false)
    static class SnakeCaseJson {
        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        }
    }
}
