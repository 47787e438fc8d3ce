package io.mqproducer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class MessageAssemblerTest {
    private final MessageAssembler assembler = new MessageAssembler(JsonCodec.of(JsonMapper.builder().build()));

    record Order(String orderId, int amount) {
    }

    @Test
    void bytesAreSentAsIs() {
        byte[] payload = {0, 1, 2, (byte) 0xff};
        Message message = assemble("orders", payload);
        assertThat(message.body()).isEqualTo(payload);
        assertThat(message.properties()).containsEntry(MqHeaders.CONTENT_TYPE, "application/octet-stream");
    }

    @Test
    void stringsAreSentAsUtf8() {
        Message message = assemble("orders", "grüße €");
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("grüße €");
        assertThat(message.body()).hasSize("grüße €".getBytes(StandardCharsets.UTF_8).length);
        assertThat(message.properties()).containsEntry(MqHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8");
    }

    @Test
    void objectsAreSentAsJson() {
        Message message = assemble("orders", new Order("o-1", 42));
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-1\",\"amount\":42}");
        assertThat(message.properties()).containsEntry(MqHeaders.CONTENT_TYPE, "application/json");
    }

    @Test
    void theGivenJsonMapperIsUsed() {
        JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        Message message = new MessageAssembler(JsonCodec.of(snakeCase)).assemble("orders", new Order("o-1", 42), List.of(), Map.of());
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("{\"order_id\":\"o-1\",\"amount\":42}");
    }

    @Test
    void destinationTagKeysAndPropertiesAreApplied() {
        Message message = assembler.assemble("orders:created", "x", List.of("k1", "k2"), Map.of("tenant", "acme"));
        assertThat(message.topic()).isEqualTo("orders");
        assertThat(message.tags()).isEqualTo("created");
        assertThat(message.keys()).containsExactly("k1", "k2");
        assertThat(message.properties()).containsEntry("tenant", "acme");
    }

    @Test
    void explicitPropertiesMayOverrideTheContentType() {
        Message message = assembler.assemble("orders", "{}", List.of(), Map.of(MqHeaders.CONTENT_TYPE, "application/json"));
        assertThat(message.properties()).containsEntry(MqHeaders.CONTENT_TYPE, "application/json");
    }

    @Test
    void nullPayloadIsAnInvalidMessage() {
        assertThatThrownBy(() -> assemble("orders", null)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("payload");
    }

    @Test
    void invalidTopicIsRejectedByTheCoreRules() {
        assertThatThrownBy(() -> assemble("bad topic", "x")).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void unserializablePayloadNamesItsTypeNotItsContent() {
        Object unserializable = new Object() {
            public String getSecret() {
                throw new IllegalStateException("s3cr3t");
            }
        };
        assertThatThrownBy(() -> assemble("orders", unserializable))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("cannot be written as JSON")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void springMessageHeadersBecomeUserProperties() {
        UUID trace = UUID.randomUUID();
        org.springframework.messaging.Message<Order> spring = MessageBuilder.withPayload(new Order("o-2", 7))
                .setHeader("tenant", "acme")
                .setHeader("attempt", 3)
                .setHeader("urgent", true)
                .setHeader("trace", trace)
                .setHeader("notSimple", List.of("a", "b"))
                .setHeader("object", new Object())
                .build();

        Message message = assemble("orders", spring);

        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-2\",\"amount\":7}");
        assertThat(message.properties())
                .containsEntry("tenant", "acme")
                .containsEntry("attempt", "3")
                .containsEntry("urgent", "true")
                .containsEntry("trace", trace.toString())
                .containsEntry(MqHeaders.CONTENT_TYPE, "application/json")
                .doesNotContainKeys(MessageHeaders.ID, MessageHeaders.TIMESTAMP, "notSimple", "object");
    }

    @Test
    void wellKnownHeadersBecomeTagKeysAndContentType() {
        org.springframework.messaging.Message<byte[]> spring = MessageBuilder.withPayload("<a/>".getBytes(StandardCharsets.UTF_8))
                .setHeader(MqHeaders.TAGS, "created")
                .setHeader(MqHeaders.KEYS, "k1 k2")
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_XML)
                .build();

        Message message = assembler.assemble("orders", spring, List.of("k3"), Map.of());

        assertThat(message.tags()).isEqualTo("created");
        assertThat(message.keys()).containsExactly("k1", "k2", "k3");
        assertThat(message.properties()).containsEntry(MqHeaders.CONTENT_TYPE, "application/xml")
                .doesNotContainKeys(MqHeaders.TAGS, MqHeaders.KEYS);
    }

    @Test
    void keysHeaderMayBeACollectionOrArray() {
        assertThat(assemble("orders", MessageBuilder.withPayload("x").setHeader(MqHeaders.KEYS, List.of("a", "b")).build())
                .keys()).containsExactly("a", "b");
        assertThat(assemble("orders", MessageBuilder.withPayload("x").setHeader(MqHeaders.KEYS, new String[] {"c"}).build())
                .keys()).containsExactly("c");
    }

    @Test
    void destinationTagWinsOverTheTagHeader() {
        org.springframework.messaging.Message<String> spring = MessageBuilder.withPayload("x")
                .setHeader(MqHeaders.TAGS, "fromHeader").build();
        assertThat(assemble("orders:fromDestination", spring).tags()).isEqualTo("fromDestination");
    }

    @Test
    void explicitPropertiesWinOverHeaders() {
        org.springframework.messaging.Message<String> spring = MessageBuilder.withPayload("x")
                .setHeader("tenant", "fromHeader").build();
        Message message = assembler.assemble("orders", spring, List.of(), Map.of("tenant", "explicit"));
        assertThat(message.properties()).containsEntry("tenant", "explicit");
    }

    @Test
    void springMessagePayloadIsConvertedLikeAnyOther() {
        Message message = assemble("orders", MessageBuilder.withPayload("plain").build());
        assertThat(message.body()).isEqualTo("plain".getBytes(StandardCharsets.UTF_8));
        assertThat(message.properties()).containsEntry(MqHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8");
    }

    private Message assemble(String destination, Object payload) {
        return assembler.assemble(destination, payload, List.of(), Map.of());
    }
}
