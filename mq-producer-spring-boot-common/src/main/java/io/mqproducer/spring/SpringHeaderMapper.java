package io.mqproducer.spring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.MimeType;

/**
 * Maps the headers of a Spring {@link org.springframework.messaging.Message} to a RocketMQ tag, keys and user
 * properties. Spring's own bookkeeping headers ({@code id}, {@code timestamp}, channels) and values that are not
 * simple (strings, numbers, booleans, characters, enums, UUIDs, MIME types) are left out: they mean nothing to a
 * consumer, and their {@code toString()} is not a stable wire format.
 */
final class SpringHeaderMapper {
    private static final Set<String> FRAMEWORK_HEADERS = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP,
            MessageHeaders.REPLY_CHANNEL, MessageHeaders.ERROR_CHANNEL, "nativeHeaders");

    /** Splits {@code headers} into tag, keys, content type and user properties. */
    Mapped map(MessageHeaders headers) {
        String tag = null;
        List<String> keys = List.of();
        String contentType = null;
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String name = header.getKey();
            Object value = header.getValue();
            if (value == null || FRAMEWORK_HEADERS.contains(name)) {
                continue;
            }
            switch (name) {
                case MqHeaders.TAGS -> tag = value.toString();
                case MqHeaders.KEYS -> keys = keys(value);
                case MqHeaders.CONTENT_TYPE -> contentType = isSimple(value) ? value.toString() : null;
                default -> {
                    if (isSimple(value)) {
                        properties.put(name, value.toString());
                    }
                }
            }
        }
        return new Mapped(tag, keys, contentType, properties);
    }

    private static List<String> keys(Object value) {
        if (value instanceof String text) {
            return Arrays.stream(text.trim().split("\\s+")).filter(key -> !key.isEmpty()).toList();
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> collection) {
            List<String> keys = new ArrayList<>(collection.size());
            collection.forEach(key -> keys.add(String.valueOf(key)));
            return keys;
        }
        return List.of(value.toString());
    }

    private static boolean isSimple(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof UUID
                || value instanceof MimeType;
    }

    /**
     * What the headers of one Spring message map to.
     *
     * @param tag         from {@link MqHeaders#TAGS}, or {@code null}
     * @param keys        from {@link MqHeaders#KEYS}
     * @param contentType from {@link MqHeaders#CONTENT_TYPE}, or {@code null}
     * @param properties  every other simple header
     */
    record Mapped(@Nullable String tag, List<String> keys, @Nullable String contentType,
                  Map<String, String> properties) {
    }
}
