package io.mqproducer.spring.boot.autoconfigure.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

class MqProducerRuntimeHintsTest {
    private final RuntimeHints hints = new RuntimeHints();

    MqProducerRuntimeHintsTest() {
        new MqProducerRuntimeHints().registerHints(hints, getClass().getClassLoader());
    }

    @Test
    void jsonHeaderRecordCanBeWrittenByJackson() throws Exception {
        Class<?> header = Class.forName(MqProducerRuntimeHints.JSON_HEADER.getName());
        assertThat(header.isRecord()).isTrue();
        assertThat(RuntimeHintsPredicates.reflection().onType(header).withMemberCategories(
                MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS,
                MemberCategory.INVOKE_DECLARED_METHODS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(header.getDeclaredConstructors()[0]))
                .accepts(hints);
        for (RecordComponent component : header.getRecordComponents()) {
            assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
                    .as(component.getName()).accepts(hints);
            assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(header, component.getName()))
                    .as(component.getName()).accepts(hints);
        }
    }

    @Test
    void channelHandlersAreRegisteredAndExist() throws Exception {
        for (TypeReference handler : MqProducerRuntimeHints.CHANNEL_HANDLERS) {
            Class<?> type = Class.forName(handler.getName());
            assertThat(io.netty.channel.ChannelHandler.class).isAssignableFrom(type);
            assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(hints);
        }
    }

    @Test
    void registersNoResources() {
        assertThat(hints.resources().resourcePatternHints()).isEmpty();
    }

    @Test
    void registrarIsListedInAotFactories() {
        assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                .load(RuntimeHintsRegistrar.class))
                .anyMatch(MqProducerRuntimeHints.class::isInstance);
    }
}
