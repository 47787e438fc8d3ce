package io.mqproducer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor.Settings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs Spring's AOT processing (what {@code spring-boot:process-aot} does for a native build) on the sample: the
 * context, the starter's auto-configuration included, must be processable and the starter's runtime hints must
 * reach the generated native-image metadata. A name server is configured, so no embedded broker starts.
 */
class MqProducerSampleAotTest {
    private static final String GROUP_ID = "io.mqproducer";
    private static final String ARTIFACT_ID = "mq-producer-sample-app";

    @TempDir
    private Path output;

    @Test
    void aotProcessingGeneratesInitializerBeanDefinitionsAndHints() throws IOException {
        Path sources = output.resolve("sources");
        Path resources = output.resolve("resources");
        Settings settings = Settings.builder().sourceOutput(sources).resourceOutput(resources)
                .classOutput(output.resolve("classes")).groupId(GROUP_ID).artifactId(ARTIFACT_ID).build();

        new SpringApplicationAotProcessor(MqProducerSampleApplication.class, settings,
                new String[] {"--mq.producer.name-server=127.0.0.1:9876"}).process();

        List<String> generated = relativePaths(sources);
        assertThat(generated).contains(
                "io/mqproducer/sample/MqProducerSampleApplication__ApplicationContextInitializer.java",
                "io/mqproducer/spring/boot/autoconfigure/MqProducerAutoConfiguration__BeanDefinitions.java");
        Path metadata = resources.resolve("META-INF/native-image").resolve(GROUP_ID).resolve(ARTIFACT_ID)
                .resolve("reachability-metadata.json");
        assertThat(metadata).exists();
        JsonNode jsonHeader = reflectionEntry(metadata, "io.mqproducer.internal.codec.JsonHeaderCodec$JsonHeader");
        assertThat(jsonHeader.path("allDeclaredConstructors").asBoolean()).isTrue();
        assertThat(jsonHeader.path("allDeclaredFields").asBoolean()).isTrue();
        assertThat(jsonHeader.path("allDeclaredMethods").asBoolean()).isTrue();
        assertThat(reflectionEntry(metadata, "io.mqproducer.internal.transport.ResponseDispatchHandler")).isNotNull();
    }

    private static JsonNode reflectionEntry(Path metadata, String type) {
        for (JsonNode entry : JsonMapper.builder().build().readTree(metadata.toFile()).path("reflection")) {
            if (type.equals(entry.path("type").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no reflection entry for " + type + " in " + metadata);
    }

    private static List<String> relativePaths(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
