package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.CompressionType;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each codec on the wire, read back and inflated by the official consumer. */
@EmbeddedRocketMQTest
class CompressionIT {

    /** 16 KiB of repetitive JSON, as order or event payloads are. */
    static byte[] compressibleJson() {
        StringBuilder json = new StringBuilder("{\"lines\":[");
        for (int i = 0; json.length() < 16 * 1024; i++) {
            json.append("{\"sku\":\"SKU-").append(i % 50).append("\",\"qty\":").append(i % 7)
                    .append(",\"note\":\"handle with care\"},");
        }
        return json.append("{}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void theOfficialConsumerReadsTheOriginalBody(CompressionType type, EmbeddedRocketMQ broker) {
        String topic = "CompressionIT_" + type;
        broker.createTopic(topic, 1);
        byte[] body = compressibleJson();
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("compression-it").compressionType(type)
                .compressionLevel(type == CompressionType.ZSTD ? 3 : 5).build()).start()) {
            String id = producer.send(Message.builder(topic).body(body).tags("json").build()).messageId();
            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                List<MessageExt> stored = consumer.await(1, Duration.ofSeconds(30));
                assertThat(stored).singleElement().satisfies(m -> {
                    assertThat(m.getMsgId()).isEqualTo(id);
                    assertThat(m.getBody()).as("inflated by the official client").isEqualTo(body);
                    assertThat(m.getSysFlag() & (7 << 8)).as("codec on the wire").isEqualTo(type.sysFlagBits());
                    assertThat(m.getStoreSize()).as("stored smaller than the body").isLessThan(body.length);
                });
            }
        }
    }
}
