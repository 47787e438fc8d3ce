package io.mqproducer.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small annotated test classes through the JUnit launcher to check what the extension does around them. */
class EmbeddedRocketMQExtensionLifecycleIT {

    private static final List<EmbeddedRocketMQ> SEEN = new ArrayList<>();

    @Test
    void closesTheBrokerAfterTheTestClass() {
        TestExecutionSummary summary = run(UsesTheBroker.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2).allSatisfy(seen -> assertThat(seen).isSameAs(SEEN.get(0)));
        EmbeddedRocketMQ used = SEEN.get(0);
        assertThat(used.isBrokerRunning()).isFalse();
        assertThatThrownBy(used::nameServerAddress).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void honoursAutoCreateTopicsFalse() {
        TestExecutionSummary summary = run(NoAutoCreation.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTotalFailureCount()).isZero();
    }

    @Test
    void startsTheBrokerForConstructorInjectionWithAPerClassInstance() {
        TestExecutionSummary summary = run(PerClassInstance.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTotalFailureCount()).isZero();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SEEN.clear();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.getFailures().forEach(failure -> failure.getException().printStackTrace());
        return summary;
    }

    @EmbeddedRocketMQTest
    static class UsesTheBroker {

        @Test
        void first(EmbeddedRocketMQ rocketMQ) {
            SEEN.add(rocketMQ);
        }

        @Test
        void second(EmbeddedRocketMQ rocketMQ) {
            SEEN.add(rocketMQ);
        }
    }

    @EmbeddedRocketMQTest(autoCreateTopics = false)
    static class NoAutoCreation {

        @Test
        void rejectsUnknownTopics(EmbeddedRocketMQ rocketMQ) {
            try (TestProducer producer = new TestProducer(rocketMQ.nameServerAddress())) {
                assertThatThrownBy(() -> producer.send("unknown", "lost")).hasMessageContaining("No route info");
            }
        }
    }

    @EmbeddedRocketMQTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstance {

        private final EmbeddedRocketMQ rocketMQ;

        PerClassInstance(EmbeddedRocketMQ rocketMQ) {
            this.rocketMQ = rocketMQ;
        }

        @Test
        void hasARunningBroker() {
            assertThat(rocketMQ.isBrokerRunning()).isTrue();
        }
    }
}
