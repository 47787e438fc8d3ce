package io.mqproducer.spring.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * With {@code mq.producer.fail-fast=true}, no name server answered at start-up. Start-up fails with it, and
 * {@link MqProducerUnreachableFailureAnalyzer} explains what to do. Carries addresses only, never credentials.
 */
public final class MqProducerUnreachableException extends IllegalStateException {
    private final List<String> nameServers;
    private final Map<String, String> reasons;

    /**
     * No name server answered.
     *
     * @param nameServers the addresses tried
     * @param cause       why the check itself failed, if it did
     */
    public MqProducerUnreachableException(List<String> nameServers, @Nullable Throwable cause) {
        this(nameServers, Map.of(), cause);
    }

    /**
     * No name server answered.
     *
     * @param nameServers the addresses tried
     * @param reasons     why each address failed, by address ("connection refused", "unknown host", "timed out",
     *                    "TLS: ...")
     * @param cause       why the check itself failed, if it did
     */
    public MqProducerUnreachableException(List<String> nameServers, Map<String, String> reasons,
                                          @Nullable Throwable cause) {
        super("no RocketMQ name server answered at start-up: " + describe(nameServers, reasons), cause);
        this.nameServers = List.copyOf(nameServers);
        this.reasons = Map.copyOf(reasons);
    }

    /** The name server addresses tried. */
    public List<String> nameServers() {
        return nameServers;
    }

    /** Why each address failed, by address; empty when the check itself failed. */
    public Map<String, String> reasons() {
        return reasons;
    }

    /** Each address with why it failed, e.g. {@code 10.0.0.1:9876 (connection refused), mq:9876 (unknown host)}. */
    String describeAddresses() {
        return describe(nameServers, reasons);
    }

    private static String describe(List<String> nameServers, Map<String, String> reasons) {
        StringJoiner joined = new StringJoiner(", ");
        for (String address : nameServers) {
            String reason = reasons.get(address);
            joined.add(reason == null ? address : address + " (" + reason + ")");
        }
        return joined.toString();
    }
}
