package io.mqproducer.spring;

import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ReplyConversionException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns a payload into a message body and names its encoding: {@code byte[]} as is, {@code String} as UTF-8, anything
 * else as JSON written by a {@link JsonCodec} (the application's Jackson mapper, only used, never reconfigured). Reads a body back into
 * a payload type the same way (replies of request-reply).
 */
final class PayloadConverter {
    static final String OCTET_STREAM = "application/octet-stream";
    static final String TEXT_UTF8 = "text/plain;charset=UTF-8";
    static final String JSON = "application/json";

    private final JsonCodec json;

    PayloadConverter(JsonCodec json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The body and content type for {@code payload}; throws {@link InvalidMessageException} if it has none. */
    Body convert(Object payload) {
        if (payload == null) {
            throw new InvalidMessageException("payload must not be null");
        }
        if (payload instanceof byte[] bytes) {
            return new Body(bytes, OCTET_STREAM);
        }
        if (payload instanceof String text) {
            return new Body(text.getBytes(StandardCharsets.UTF_8), TEXT_UTF8);
        }
        if (payload instanceof org.springframework.messaging.Message<?>) {
            throw new InvalidMessageException("a Spring Message cannot be the payload of another Spring Message");
        }
        try {
            return new Body(json.write(payload), JSON);
        } catch (IllegalArgumentException e) {
            // The type only: Jackson's own message may quote parts of the payload.
            throw new InvalidMessageException("payload of type " + payload.getClass().getName()
                    + " cannot be written as JSON", e);
        }
    }

    /** {@code body} as a {@code type}: the bytes for {@code byte[]}, UTF-8 text for {@code String}, else JSON. */
    <T> T read(byte[] body, Class<T> type) {
        if (type == byte[].class) {
            return type.cast(body);
        }
        if (type == String.class) {
            return type.cast(new String(body, StandardCharsets.UTF_8));
        }
        try {
            return json.read(body, type);
        } catch (IllegalArgumentException e) {
            // The type only: Jackson's own message may quote parts of the body.
            throw new ReplyConversionException("reply body cannot be read as JSON of type " + type.getName(), e);
        }
    }

    /**
     * A converted payload.
     *
     * @param bytes       the message body
     * @param contentType how {@code bytes} are encoded
     */
    record Body(byte[] bytes, String contentType) {
    }
}
