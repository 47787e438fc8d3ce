package io.mqproducer.spring;

import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.message.Message;
import java.util.Collection;
import java.util.Map;

/**
 * Builds a core {@link Message} from what a {@link ProducerTemplate} caller gives: destination, payload (possibly a
 * Spring message), keys and user properties. Explicit arguments win over Spring headers: the destination's tag over
 * {@link MqHeaders#TAGS}, given properties over mapped headers; keys from both are sent.
 */
final class MessageAssembler {
    private final PayloadConverter converter;
    private final SpringHeaderMapper headerMapper = new SpringHeaderMapper();

    MessageAssembler(JsonCodec json) {
        this.converter = new PayloadConverter(json);
    }

    /** The converter payloads go through, to read replies the same way. */
    PayloadConverter converter() {
        return converter;
    }

    /** A validated message; throws {@link io.mqproducer.error.InvalidMessageException} for anything unsendable. */
    Message assemble(String destination, Object payload, Collection<String> keys, Map<String, String> properties) {
        if (keys == null || properties == null) {
            throw new InvalidMessageException((keys == null ? "keys" : "properties") + " must not be null");
        }
        Destination target = Destination.parse(destination);
        Message.Builder builder = Message.builder(target.topic());
        String tag = target.tag();
        String contentType = null;
        Object body = payload;
        if (payload instanceof org.springframework.messaging.Message<?> springMessage) {
            SpringHeaderMapper.Mapped headers = headerMapper.map(springMessage.getHeaders());
            tag = tag != null ? tag : headers.tag();
            contentType = headers.contentType();
            builder.keys(headers.keys()).properties(headers.properties());
            body = springMessage.getPayload();
        }
        PayloadConverter.Body converted = converter.convert(body);
        // The content type goes in before explicit properties so that a caller can still override it.
        builder.property(MqHeaders.CONTENT_TYPE, contentType != null ? contentType : converted.contentType());
        return builder.body(converted.bytes())
                .tags(tag)
                .keys(keys)
                .properties(properties)
                .build();
    }
}
