package io.mqproducer.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.test.EmbeddedRocketMQ;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** The Spring customizer behind {@link EmbeddedRocketMQBroker}: when it applies, cache keys, one broker per settings. */
class EmbeddedRocketMQBrokerIT {
    private final ContextCustomizerFactory factory = new EmbeddedRocketMQContextCustomizerFactory();

    @EmbeddedRocketMQBroker
    static class Annotated {
        @Nested
        class Inner {
        }
    }

    static class Subclass extends Annotated {
    }

    @EmbeddedRocketMQBroker(autoCreateTopics = false)
    static class Strict {
    }

    static class Plain {
    }

    @Test
    void appliesOnlyToAnnotatedClassesAndIsEqualForEqualAttributes() {
        assertThat(factory.createContextCustomizer(Plain.class, List.of())).isNull();
        ContextCustomizer annotated = factory.createContextCustomizer(Annotated.class, List.of());
        assertThat(annotated).isNotNull()
                .isEqualTo(factory.createContextCustomizer(Subclass.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(Annotated.Inner.class, List.of()))
                .hasSameHashCodeAs(factory.createContextCustomizer(Subclass.class, List.of()))
                .isNotEqualTo(factory.createContextCustomizer(Strict.class, List.of()));
    }

    @Test
    void contextsWithEqualAttributesShareOneRunningBroker() {
        ContextCustomizer customizer = factory.createContextCustomizer(Annotated.class, List.of());
        try (GenericApplicationContext first = customized(customizer);
             GenericApplicationContext second = customized(factory.createContextCustomizer(Subclass.class,
                     List.of()))) {
            EmbeddedRocketMQ broker = first.getBean(EmbeddedRocketMQBroker.BEAN_NAME, EmbeddedRocketMQ.class);
            assertThat(second.getBean(EmbeddedRocketMQ.class)).isSameAs(broker);
            assertThat(first.getEnvironment().getProperty("mq.producer.name-server"))
                    .isEqualTo(broker.nameServerAddress())
                    .isEqualTo(second.getEnvironment().getProperty("mq.producer.name-server"));
        }
        // Closing the contexts leaves the shared broker running for the next ones.
        try (GenericApplicationContext third = customized(customizer)) {
            assertThat(third.getBean(EmbeddedRocketMQ.class).isBrokerRunning()).isTrue();
        }
    }

    private static GenericApplicationContext customized(ContextCustomizer customizer) {
        GenericApplicationContext context = new GenericApplicationContext();
        customizer.customizeContext(context, null);
        context.refresh();
        return context;
    }
}
