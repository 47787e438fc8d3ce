package io.mqproducer.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a fail-fast start-up that found no name server: which addresses were tried and what to check. Registered
 * in {@code META-INF/spring.factories}.
 */
final class MqProducerUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<MqProducerUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MqProducerUnreachableException cause) {
        String description = "The RocketMQ producer could not reach any name server at start-up (tried "
                + cause.describeAddresses() + ") and " + MqProducerProperties.PREFIX
                + ".fail-fast is true.";
        String action = "Check that " + MqProducerProperties.PREFIX + ".name-server lists the right address(es), "
                + "that the name server is started and reachable from here (firewall, TLS settings), or set "
                + MqProducerProperties.PREFIX + ".fail-fast=false to start anyway and connect lazily on the first send.";
        return new FailureAnalysis(description, action, cause);
    }
}
