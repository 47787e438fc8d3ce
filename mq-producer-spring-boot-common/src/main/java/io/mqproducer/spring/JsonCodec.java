package io.mqproducer.spring;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the payloads a {@link ProducerTemplate} sends as JSON (those that are neither {@code byte[]} nor
 * {@code String}) and reads JSON replies back. The seam between the template and a Jackson major version: the Spring
 * Boot 4 starter adapts the application's Jackson 3 {@code JsonMapper}, the Spring Boot 3 starter its Jackson 2
 * {@code ObjectMapper}, so payloads look the same as the application's own JSON. Implementations are thread-safe.
 */
public interface JsonCodec {

    /**
     * {@code payload} as JSON.
     *
     * @throws IllegalArgumentException if it cannot be written; the cause is the JSON library's own error
     */
    byte[] write(Object payload);

    /**
     * {@code json} as a {@code type}.
     *
     * @throws IllegalArgumentException if it cannot be read as that type; the cause is the JSON library's own error
     */
    <T> T read(byte[] json, Class<T> type);

    /** A codec over a Jackson 3 {@code mapper}, used as is, never reconfigured. */
    static JsonCodec of(JsonMapper mapper) {
        return new JacksonJsonCodec(mapper);
    }
}
