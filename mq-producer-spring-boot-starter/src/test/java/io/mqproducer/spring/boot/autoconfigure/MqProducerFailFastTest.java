package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** {@code mq.producer.fail-fast}: start-up checks the name servers unless told not to. */
@ExtendWith(OutputCaptureExtension.class)
class MqProducerFailFastTest {
    private final String deadAddress = "127.0.0.1:" + unusedPort();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class))
            .withPropertyValues("mq.producer.name-server=" + deadAddress, "mq.producer.fail-fast-timeout=2s");

    @Test
    void failFastAgainstADeadNameServerFailsStartUpWithAnAnalysis() {
        runner.withPropertyValues("mq.producer.fail-fast=true").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new MqProducerUnreachableFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains(deadAddress);
            assertThat(analysis.getAction()).contains("mq.producer.name-server")
                    .contains("name server is started").contains("mq.producer.fail-fast=false");
        });
    }

    @Test
    void theFailureSaysWhyEachNameServerFailed() throws IOException {
        // Accepts connections (the kernel completes them) but never answers: the request times out.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String silentAddress = "127.0.0.1:" + silent.getLocalPort();
            String unknownHost = "no-such-host.invalid:9876";
            runner.withPropertyValues("mq.producer.name-server=" + deadAddress + ";" + unknownHost + ";" + silentAddress,
                    "mq.producer.fail-fast-timeout=1s").run(context -> {
                        Throwable failure = context.getStartupFailure();
                        MqProducerUnreachableException unreachable = findCause(failure);
                        assertThat(unreachable.reasons()).containsEntry(deadAddress, "connection refused")
                                .containsEntry(unknownHost, "unknown host").containsEntry(silentAddress, "timed out");
                        assertThat(new MqProducerUnreachableFailureAnalyzer().analyze(failure).getDescription())
                                .contains(deadAddress + " (connection refused), " + unknownHost + " (unknown host), "
                                        + silentAddress + " (timed out)");
                    });
        }
    }

    private static MqProducerUnreachableException findCause(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof MqProducerUnreachableException unreachable) {
                return unreachable;
            }
        }
        throw new AssertionError("no MqProducerUnreachableException in " + failure);
    }

    @Test
    void failFastIsTheDefault() {
        runner.run(context -> assertThat(context).hasFailed());
    }

    @Test
    void withoutFailFastTheProducerStartsAndConnectsLazily() {
        runner.withPropertyValues("mq.producer.fail-fast=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Producer.class).isRunning()).isTrue();
        });
    }

    @Test
    void explicitFailFastFalseStarts() {
        runner.withPropertyValues("mq.producer.fail-fast=false").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void realStartUpPrintsTheAnalysisFoundThroughSpringFactories(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .run("--mq.producer.name-server=" + deadAddress, "--mq.producer.fail-fast=true",
                        "--mq.producer.fail-fast-timeout=2s").close())
                .hasStackTraceContaining(MqProducerUnreachableException.class.getName());

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("could not reach any name server at start-up (tried " + deadAddress + " (connection refused))")
                .contains("set mq.producer.fail-fast=false");
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(MqProducerAutoConfiguration.class)
    static class Application {
    }
}
