package io.mqproducer.spring.actuate;

import io.mqproducer.Producer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code mqproducer} actuator endpoint, read-only: for each producer its settings (without secrets), cached
 * routes, broker availability and sends in flight. Like most endpoints it is not exposed over HTTP unless listed in
 * {@code management.endpoints.web.exposure.include}.
 */
@Endpoint(id = "mqproducer", defaultAccess = Access.READ_ONLY)
public class MqProducerEndpoint {
    private final Supplier<Map<String, Producer>> producers;

    /**
     * An endpoint describing the producers {@code producers} returns, by name.
     *
     * @param producers asked on every read, so that it reflects the producers as they are
     */
    public MqProducerEndpoint(Supplier<Map<String, Producer>> producers) {
        this.producers = Objects.requireNonNull(producers, "producers");
    }

    /** Every producer, by name. */
    @ReadOperation
    public Producers producers() {
        Map<String, ProducerDescription> described = new LinkedHashMap<>();
        producers.get().forEach((name, producer) -> described.put(name, ProducerDescription.of(producer)));
        return new Producers(described);
    }

    /** One producer, or {@code null} (404) when there is none of that name. */
    @ReadOperation
    public @Nullable ProducerDescription producer(@Selector String name) {
        Producer producer = producers.get().get(name);
        return producer == null ? null : ProducerDescription.of(producer);
    }

    /**
     * The endpoint's answer.
     *
     * @param producers each producer's description, by name
     */
    public record Producers(Map<String, ProducerDescription> producers) {
    }
}
