package io.mqproducer.spring.boot.autoconfigure.aot;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Native-image hints for what mq-producer itself reaches by reflection; registered in
 * {@code META-INF/spring/aot.factories}.
 *
 * <ul>
 *   <li>The JSON remoting header: the core writes the record {@code JsonHeaderCodec.JsonHeader} with Jackson
 *       databind, which reads its record components and invokes their accessors.</li>
 *   <li>The core's Netty channel handlers: Netty queries their public methods (for its {@code @Skip} annotation)
 *       when they join a pipeline. Netty's own jars ship the same hints for Netty's handlers, not for ours.</li>
 * </ul>
 *
 * <p>Nothing else needs hints: the route body is read as a tree ({@code JsonNode}, no binding), the client loads
 * no resources, configuration properties are covered by Spring Boot, and payload classes written as JSON are the
 * application's own to register (for example with {@code @RegisterReflectionForBinding}).
 */
public final class MqProducerRuntimeHints implements RuntimeHintsRegistrar {
    /** The record the core's JSON header codec serialises with Jackson. */
    static final TypeReference JSON_HEADER = TypeReference.of("io.mqproducer.internal.codec.JsonHeaderCodec$JsonHeader");

    /**
     * The core's named Netty handlers. The anonymous channel initializer is left out: it leaves the pipeline once
     * the channel is set up, and without hints Netty merely treats none of its methods as skippable.
     */
    static final List<TypeReference> CHANNEL_HANDLERS = List.of(
            TypeReference.of("io.mqproducer.internal.transport.RemotingFrameEncoder"),
            TypeReference.of("io.mqproducer.internal.transport.RemotingFrameDecoder"),
            TypeReference.of("io.mqproducer.internal.transport.ResponseDispatchHandler"));

    /** Creates the registrar; Spring's AOT processing calls this. */
    public MqProducerRuntimeHints() {
    }

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        // Record accessors are public: Spring (like GraalVM) matches them against the public-methods category.
        hints.reflection().registerType(JSON_HEADER, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                declaredFields(), MemberCategory.INVOKE_DECLARED_METHODS,
                MemberCategory.INVOKE_PUBLIC_METHODS);
        // Registering the type is what lets Netty introspect the handler's public methods.
        CHANNEL_HANDLERS.forEach(handler -> hints.reflection().registerType(handler));
    }

    // Spring Framework 7 (Boot 4) calls the category ACCESS_DECLARED_FIELDS and deprecates the old name; 6.2 (Boot 3.5)
    // knows only DECLARED_FIELDS. Looked up by name, as this class is compiled once for both.
    private static MemberCategory declaredFields() {
        for (MemberCategory category : MemberCategory.values()) {
            if (category.name().equals("ACCESS_DECLARED_FIELDS")) {
                return category;
            }
        }
        return MemberCategory.valueOf("DECLARED_FIELDS");
    }
}
