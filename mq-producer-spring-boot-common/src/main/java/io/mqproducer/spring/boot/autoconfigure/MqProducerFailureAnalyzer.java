package io.mqproducer.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on a {@code mq.producer.*} property: which one, what is wrong and what to set.
 * Registered in {@code META-INF/spring.factories}.
 */
final class MqProducerFailureAnalyzer extends AbstractFailureAnalyzer<MqProducerPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MqProducerPropertyException cause) {
        String property = cause.property();
        String description = cause.value() == null
                ? "The RocketMQ producer cannot be created: " + property + " is not set (" + cause.reason() + ")."
                : "The RocketMQ producer cannot be created: invalid value '" + cause.value() + "' for property "
                        + property + ": " + cause.reason() + ".";
        return new FailureAnalysis(description, action(property), cause);
    }

    private static String action(String property) {
        if (property.equals(MqProducerProperties.PREFIX + ".name-server")) {
            return "Set " + property + " to your name server address(es), for example in application.yml:\n\n"
                    + "    mq:\n      producer:\n        name-server: 127.0.0.1:9876\n\n"
                    + "Several addresses are separated by ';' or ','; IPv6 literals go in brackets, [::1]:9876. To run without a producer, set "
                    + MqProducerProperties.PREFIX + ".enabled=false.";
        }
        return "Set " + property + " to a valid value (or fix the ProducerOptionsCustomizer bean that changes it).";
    }
}
