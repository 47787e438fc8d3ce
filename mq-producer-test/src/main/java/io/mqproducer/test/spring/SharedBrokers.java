package io.mqproducer.test.spring;

import io.mqproducer.test.EmbeddedRocketMQ;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The brokers of {@link EmbeddedRocketMQBroker}: at most one per {@link BrokerSettings} in the JVM, started on first
 * use and closed when the JVM exits (test contexts outlive test classes in Spring's context cache, so no test-level
 * callback knows when a broker is no longer needed).
 */
final class SharedBrokers {
    private static final Map<BrokerSettings, EmbeddedRocketMQ> BROKERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedBrokers::closeAll, "embedded-rocketmq-shared-close"));
    }

    private SharedBrokers() {
    }

    /** The running broker for {@code settings}, started now if this JVM has none yet. */
    static EmbeddedRocketMQ get(BrokerSettings settings) {
        return BROKERS.computeIfAbsent(settings, BrokerSettings::start);
    }

    private static void closeAll() {
        // close() returns once the broker refuses connections; the rest of the shutdown goes on in the background.
        BROKERS.values().forEach(EmbeddedRocketMQ::close);
    }
}
