package io.mqproducer.spring.boot.autoconfigure;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * With {@code mq.producer.fail-fast=true}, no name server answered at start-up. Start-up fails with it, and
 * {@link MqProducerUnreachableFailureAnalyzer} explains what to do. Carries addresses only, never credentials.
 */
public final class MqProducerUnreachableException extends IllegalStateException {
    private final List<String> nameServers;

    /**
     * No name server answered.
     *
     * @param nameServers the addresses tried
     * @param cause       why the check itself failed, if it did
     */
    public MqProducerUnreachableException(List<String> nameServers, @Nullable Throwable cause) {
        super("no RocketMQ name server answered at start-up: " + String.join(", ", nameServers), cause);
        this.nameServers = List.copyOf(nameServers);
    }

    /** The name server addresses tried. */
    public List<String> nameServers() {
        return nameServers;
    }
}
